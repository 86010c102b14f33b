(module
  (type (;0;) (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
    local.get 7
    i32.const 4
    i32.mul
    local.set 16
    local.get 5
    local.get 16
    i32.mul
    local.set 17
    local.get 4
    local.get 17
    i32.mul
    local.set 18
    local.get 7
    i32.const 4
    i32.mul
    local.set 19
    local.get 6
    local.get 19
    i32.mul
    local.set 20
    i32.const 0
    local.set 21
    loop  ;; label = @1
      local.get 0
      local.get 21
      local.get 10
      i32.mul
      i32.add
      local.set 22
      local.get 1
      local.get 21
      local.get 18
      i32.mul
      i32.add
      local.set 23
      i32.const 0
      local.set 24
      local.get 24
      local.get 4
      i32.lt_u
      if  ;; label = @2
        loop  ;; label = @3
          local.get 24
          local.get 15
          i32.add
          local.set 25
          local.get 25
          local.get 4
          local.get 25
          local.get 4
          i32.lt_u
          select
          local.set 25
          i32.const 0
          local.set 26
          loop  ;; label = @4
            i32.const 0
            local.set 27
            loop  ;; label = @5
              local.get 22
              local.get 26
              local.get 13
              i32.mul
              i32.add
              local.get 27
              local.get 14
              i32.mul
              i32.add
              local.set 28
              local.get 2
              local.get 26
              local.get 9
              i32.mul
              local.get 27
              i32.add
              local.get 20
              i32.mul
              i32.add
              local.set 29
              i32.const 0
              local.set 30
              loop  ;; label = @6
                i32.const 0
                local.set 31
                loop  ;; label = @7
                  local.get 7
                  local.get 31
                  i32.sub
                  i32.const 8
                  i32.ge_u
                  if  ;; label = @8
                    local.get 29
                    local.get 30
                    local.get 19
                    i32.mul
                    i32.add
                    local.get 31
                    i32.const 4
                    i32.mul
                    i32.add
                    local.set 36
                    local.get 36
                    v128.load align=4
                    local.set 37
                    local.get 36
                    v128.load offset=16 align=4
                    local.set 38
                    local.get 36
                    local.get 19
                    i32.const 1
                    i32.mul
                    i32.add
                    v128.load align=4
                    local.set 39
                    local.get 36
                    local.get 19
                    i32.const 1
                    i32.mul
                    i32.add
                    v128.load offset=16 align=4
                    local.set 40
                    local.get 36
                    local.get 19
                    i32.const 2
                    i32.mul
                    i32.add
                    v128.load align=4
                    local.set 41
                    local.get 36
                    local.get 19
                    i32.const 2
                    i32.mul
                    i32.add
                    v128.load offset=16 align=4
                    local.set 42
                    local.get 36
                    local.get 19
                    i32.const 3
                    i32.mul
                    i32.add
                    v128.load align=4
                    local.set 43
                    local.get 36
                    local.get 19
                    i32.const 3
                    i32.mul
                    i32.add
                    v128.load offset=16 align=4
                    local.set 44
                    local.get 24
                    local.set 32
                    loop  ;; label = @9
                      local.get 28
                      local.get 32
                      local.get 12
                      i32.mul
                      i32.add
                      local.get 30
                      i32.const 4
                      i32.mul
                      i32.add
                      local.set 33
                      local.get 23
                      local.get 32
                      local.get 17
                      i32.mul
                      i32.add
                      local.get 31
                      i32.const 4
                      i32.mul
                      i32.add
                      local.tee 34
                      local.get 17
                      i32.add
                      local.set 35
                      loop  ;; label = @10
                        local.get 34
                        v128.load align=4
                        local.set 45
                        local.get 34
                        v128.load offset=16 align=4
                        local.set 46
                        local.get 33
                        v128.load32_splat
                        local.set 47
                        local.get 37
                        local.get 47
                        local.get 45
                        f32x4.mul
                        f32x4.add
                        local.set 37
                        local.get 38
                        local.get 47
                        local.get 46
                        f32x4.mul
                        f32x4.add
                        local.set 38
                        local.get 33
                        v128.load32_splat offset=4
                        local.set 47
                        local.get 39
                        local.get 47
                        local.get 45
                        f32x4.mul
                        f32x4.add
                        local.set 39
                        local.get 40
                        local.get 47
                        local.get 46
                        f32x4.mul
                        f32x4.add
                        local.set 40
                        local.get 33
                        v128.load32_splat offset=8
                        local.set 47
                        local.get 41
                        local.get 47
                        local.get 45
                        f32x4.mul
                        f32x4.add
                        local.set 41
                        local.get 42
                        local.get 47
                        local.get 46
                        f32x4.mul
                        f32x4.add
                        local.set 42
                        local.get 33
                        v128.load32_splat offset=12
                        local.set 47
                        local.get 43
                        local.get 47
                        local.get 45
                        f32x4.mul
                        f32x4.add
                        local.set 43
                        local.get 44
                        local.get 47
                        local.get 46
                        f32x4.mul
                        f32x4.add
                        local.set 44
                        local.get 33
                        local.get 11
                        i32.add
                        local.set 33
                        local.get 34
                        local.get 16
                        i32.add
                        local.tee 34
                        local.get 35
                        i32.lt_u
                        br_if 0 (;@10;)
                      end
                      local.get 32
                      i32.const 1
                      i32.add
                      local.tee 32
                      local.get 25
                      i32.lt_u
                      br_if 0 (;@9;)
                    end
                    local.get 36
                    local.get 37
                    v128.store align=4
                    local.get 36
                    local.get 38
                    v128.store offset=16 align=4
                    local.get 36
                    local.get 19
                    i32.const 1
                    i32.mul
                    i32.add
                    local.get 39
                    v128.store align=4
                    local.get 36
                    local.get 19
                    i32.const 1
                    i32.mul
                    i32.add
                    local.get 40
                    v128.store offset=16 align=4
                    local.get 36
                    local.get 19
                    i32.const 2
                    i32.mul
                    i32.add
                    local.get 41
                    v128.store align=4
                    local.get 36
                    local.get 19
                    i32.const 2
                    i32.mul
                    i32.add
                    local.get 42
                    v128.store offset=16 align=4
                    local.get 36
                    local.get 19
                    i32.const 3
                    i32.mul
                    i32.add
                    local.get 43
                    v128.store align=4
                    local.get 36
                    local.get 19
                    i32.const 3
                    i32.mul
                    i32.add
                    local.get 44
                    v128.store offset=16 align=4
                    local.get 31
                    i32.const 8
                    i32.add
                    local.set 31
                  else
                    local.get 29
                    local.get 30
                    local.get 19
                    i32.mul
                    i32.add
                    local.get 31
                    i32.const 4
                    i32.mul
                    i32.add
                    local.set 36
                    local.get 36
                    v128.load align=4
                    local.set 37
                    local.get 36
                    local.get 19
                    i32.const 1
                    i32.mul
                    i32.add
                    v128.load align=4
                    local.set 39
                    local.get 36
                    local.get 19
                    i32.const 2
                    i32.mul
                    i32.add
                    v128.load align=4
                    local.set 41
                    local.get 36
                    local.get 19
                    i32.const 3
                    i32.mul
                    i32.add
                    v128.load align=4
                    local.set 43
                    local.get 24
                    local.set 32
                    loop  ;; label = @9
                      local.get 28
                      local.get 32
                      local.get 12
                      i32.mul
                      i32.add
                      local.get 30
                      i32.const 4
                      i32.mul
                      i32.add
                      local.set 33
                      local.get 23
                      local.get 32
                      local.get 17
                      i32.mul
                      i32.add
                      local.get 31
                      i32.const 4
                      i32.mul
                      i32.add
                      local.tee 34
                      local.get 17
                      i32.add
                      local.set 35
                      loop  ;; label = @10
                        local.get 34
                        v128.load align=4
                        local.set 45
                        local.get 33
                        v128.load32_splat
                        local.set 47
                        local.get 37
                        local.get 47
                        local.get 45
                        f32x4.mul
                        f32x4.add
                        local.set 37
                        local.get 33
                        v128.load32_splat offset=4
                        local.set 47
                        local.get 39
                        local.get 47
                        local.get 45
                        f32x4.mul
                        f32x4.add
                        local.set 39
                        local.get 33
                        v128.load32_splat offset=8
                        local.set 47
                        local.get 41
                        local.get 47
                        local.get 45
                        f32x4.mul
                        f32x4.add
                        local.set 41
                        local.get 33
                        v128.load32_splat offset=12
                        local.set 47
                        local.get 43
                        local.get 47
                        local.get 45
                        f32x4.mul
                        f32x4.add
                        local.set 43
                        local.get 33
                        local.get 11
                        i32.add
                        local.set 33
                        local.get 34
                        local.get 16
                        i32.add
                        local.tee 34
                        local.get 35
                        i32.lt_u
                        br_if 0 (;@10;)
                      end
                      local.get 32
                      i32.const 1
                      i32.add
                      local.tee 32
                      local.get 25
                      i32.lt_u
                      br_if 0 (;@9;)
                    end
                    local.get 36
                    local.get 37
                    v128.store align=4
                    local.get 36
                    local.get 19
                    i32.const 1
                    i32.mul
                    i32.add
                    local.get 39
                    v128.store align=4
                    local.get 36
                    local.get 19
                    i32.const 2
                    i32.mul
                    i32.add
                    local.get 41
                    v128.store align=4
                    local.get 36
                    local.get 19
                    i32.const 3
                    i32.mul
                    i32.add
                    local.get 43
                    v128.store align=4
                    local.get 31
                    i32.const 4
                    i32.add
                    local.set 31
                  end
                  local.get 31
                  local.get 7
                  i32.lt_u
                  br_if 0 (;@7;)
                end
                local.get 30
                i32.const 4
                i32.add
                local.tee 30
                local.get 6
                i32.lt_u
                br_if 0 (;@6;)
              end
              local.get 27
              i32.const 1
              i32.add
              local.tee 27
              local.get 9
              i32.lt_u
              br_if 0 (;@5;)
            end
            local.get 26
            i32.const 1
            i32.add
            local.tee 26
            local.get 8
            i32.lt_u
            br_if 0 (;@4;)
          end
          local.get 24
          local.get 15
          i32.add
          local.tee 24
          local.get 4
          i32.lt_u
          br_if 0 (;@3;)
        end
      end
      local.get 21
      i32.const 1
      i32.add
      local.tee 21
      local.get 3
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (export "filterGrad" (func 0)))
