(module
  (type (;0;) (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (type (;1;) (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 v128 v128 v128 v128)
    i32.const 0
    local.set 16
    local.get 16
    local.get 4
    i32.lt_u
    if  ;; label = @1
      loop  ;; label = @2
        local.get 0
        local.get 16
        local.get 9
        i32.mul
        i32.add
        local.set 17
        local.get 1
        local.get 16
        local.get 12
        i32.mul
        i32.add
        local.set 18
        i32.const 0
        local.set 19
        local.get 19
        local.get 5
        i32.lt_u
        if  ;; label = @3
          loop  ;; label = @4
            local.get 19
            local.get 14
            i32.add
            local.set 20
            local.get 20
            local.get 5
            local.get 20
            local.get 5
            i32.lt_u
            select
            local.set 20
            i32.const 0
            local.set 21
            local.get 21
            local.get 7
            i32.lt_u
            if  ;; label = @5
              loop  ;; label = @6
                local.get 3
                local.get 21
                i32.const 12
                i32.mul
                i32.add
                local.set 23
                local.get 23
                i32.load
                local.set 24
                local.get 24
                local.get 19
                local.get 19
                local.get 24
                i32.lt_u
                select
                local.set 24
                local.get 23
                i32.load offset=4
                local.set 25
                local.get 25
                local.get 20
                local.get 25
                local.get 20
                i32.lt_u
                select
                local.set 25
                local.get 23
                i32.load offset=8
                local.set 26
                local.get 24
                local.get 25
                i32.lt_u
                if  ;; label = @7
                  i32.const 0
                  local.set 22
                  local.get 22
                  local.get 8
                  i32.lt_u
                  if  ;; label = @8
                    loop  ;; label = @9
                      local.get 3
                      local.get 7
                      local.get 22
                      i32.add
                      i32.const 12
                      i32.mul
                      i32.add
                      local.set 23
                      local.get 23
                      i32.load
                      local.get 6
                      i32.mul
                      local.set 28
                      local.get 23
                      i32.load offset=4
                      local.get 6
                      i32.mul
                      local.get 28
                      i32.sub
                      local.set 29
                      local.get 23
                      i32.load offset=8
                      local.set 27
                      local.get 28
                      local.get 29
                      local.get 28
                      i32.add
                      i32.lt_u
                      if  ;; label = @10
                        local.get 2
                        local.get 21
                        local.get 8
                        i32.mul
                        local.get 22
                        i32.add
                        local.get 6
                        i32.mul
                        i32.add
                        local.set 30
                        i32.const 0
                        local.set 31
                        loop  ;; label = @11
                          local.get 6
                          local.get 31
                          i32.sub
                          i32.const 64
                          i32.ge_u
                          if  ;; label = @12
                            local.get 30
                            local.get 31
                            i32.add
                            v128.load align=4
                            local.set 36
                            local.get 30
                            local.get 31
                            i32.add
                            v128.load offset=16 align=4
                            local.set 37
                            local.get 30
                            local.get 31
                            i32.add
                            v128.load offset=32 align=4
                            local.set 38
                            local.get 30
                            local.get 31
                            i32.add
                            v128.load offset=48 align=4
                            local.set 39
                            local.get 24
                            local.set 32
                            loop  ;; label = @13
                              local.get 17
                              local.get 32
                              local.get 10
                              i32.mul
                              i32.add
                              local.get 26
                              i32.add
                              local.get 27
                              i32.add
                              local.get 31
                              i32.add
                              local.set 33
                              local.get 18
                              local.get 32
                              local.get 13
                              i32.mul
                              i32.add
                              local.get 28
                              i32.add
                              local.get 31
                              i32.add
                              local.tee 34
                              local.get 29
                              i32.add
                              local.set 35
                              loop  ;; label = @14
                                local.get 36
                                local.get 33
                                v128.load align=4
                                local.get 34
                                v128.load align=4
                                f32x4.mul
                                f32x4.add
                                local.set 36
                                local.get 37
                                local.get 33
                                v128.load offset=16 align=4
                                local.get 34
                                v128.load offset=16 align=4
                                f32x4.mul
                                f32x4.add
                                local.set 37
                                local.get 38
                                local.get 33
                                v128.load offset=32 align=4
                                local.get 34
                                v128.load offset=32 align=4
                                f32x4.mul
                                f32x4.add
                                local.set 38
                                local.get 39
                                local.get 33
                                v128.load offset=48 align=4
                                local.get 34
                                v128.load offset=48 align=4
                                f32x4.mul
                                f32x4.add
                                local.set 39
                                local.get 33
                                local.get 11
                                i32.add
                                local.set 33
                                local.get 34
                                local.get 6
                                i32.add
                                local.tee 34
                                local.get 35
                                i32.lt_u
                                br_if 0 (;@14;)
                              end
                              local.get 32
                              i32.const 1
                              i32.add
                              local.tee 32
                              local.get 25
                              i32.lt_u
                              br_if 0 (;@13;)
                            end
                            local.get 30
                            local.get 31
                            i32.add
                            local.get 36
                            v128.store align=4
                            local.get 30
                            local.get 31
                            i32.add
                            local.get 37
                            v128.store offset=16 align=4
                            local.get 30
                            local.get 31
                            i32.add
                            local.get 38
                            v128.store offset=32 align=4
                            local.get 30
                            local.get 31
                            i32.add
                            local.get 39
                            v128.store offset=48 align=4
                            local.get 31
                            i32.const 64
                            i32.add
                            local.set 31
                          else
                            local.get 6
                            local.get 31
                            i32.sub
                            i32.const 32
                            i32.ge_u
                            if  ;; label = @13
                              local.get 30
                              local.get 31
                              i32.add
                              v128.load align=4
                              local.set 36
                              local.get 30
                              local.get 31
                              i32.add
                              v128.load offset=16 align=4
                              local.set 37
                              local.get 24
                              local.set 32
                              loop  ;; label = @14
                                local.get 17
                                local.get 32
                                local.get 10
                                i32.mul
                                i32.add
                                local.get 26
                                i32.add
                                local.get 27
                                i32.add
                                local.get 31
                                i32.add
                                local.set 33
                                local.get 18
                                local.get 32
                                local.get 13
                                i32.mul
                                i32.add
                                local.get 28
                                i32.add
                                local.get 31
                                i32.add
                                local.tee 34
                                local.get 29
                                i32.add
                                local.set 35
                                loop  ;; label = @15
                                  local.get 36
                                  local.get 33
                                  v128.load align=4
                                  local.get 34
                                  v128.load align=4
                                  f32x4.mul
                                  f32x4.add
                                  local.set 36
                                  local.get 37
                                  local.get 33
                                  v128.load offset=16 align=4
                                  local.get 34
                                  v128.load offset=16 align=4
                                  f32x4.mul
                                  f32x4.add
                                  local.set 37
                                  local.get 33
                                  local.get 11
                                  i32.add
                                  local.set 33
                                  local.get 34
                                  local.get 6
                                  i32.add
                                  local.tee 34
                                  local.get 35
                                  i32.lt_u
                                  br_if 0 (;@15;)
                                end
                                local.get 32
                                i32.const 1
                                i32.add
                                local.tee 32
                                local.get 25
                                i32.lt_u
                                br_if 0 (;@14;)
                              end
                              local.get 30
                              local.get 31
                              i32.add
                              local.get 36
                              v128.store align=4
                              local.get 30
                              local.get 31
                              i32.add
                              local.get 37
                              v128.store offset=16 align=4
                              local.get 31
                              i32.const 32
                              i32.add
                              local.set 31
                            else
                              local.get 30
                              local.get 31
                              i32.add
                              v128.load align=4
                              local.set 36
                              local.get 24
                              local.set 32
                              loop  ;; label = @14
                                local.get 17
                                local.get 32
                                local.get 10
                                i32.mul
                                i32.add
                                local.get 26
                                i32.add
                                local.get 27
                                i32.add
                                local.get 31
                                i32.add
                                local.set 33
                                local.get 18
                                local.get 32
                                local.get 13
                                i32.mul
                                i32.add
                                local.get 28
                                i32.add
                                local.get 31
                                i32.add
                                local.tee 34
                                local.get 29
                                i32.add
                                local.set 35
                                loop  ;; label = @15
                                  local.get 36
                                  local.get 33
                                  v128.load align=4
                                  local.get 34
                                  v128.load align=4
                                  f32x4.mul
                                  f32x4.add
                                  local.set 36
                                  local.get 33
                                  local.get 11
                                  i32.add
                                  local.set 33
                                  local.get 34
                                  local.get 6
                                  i32.add
                                  local.tee 34
                                  local.get 35
                                  i32.lt_u
                                  br_if 0 (;@15;)
                                end
                                local.get 32
                                i32.const 1
                                i32.add
                                local.tee 32
                                local.get 25
                                i32.lt_u
                                br_if 0 (;@14;)
                              end
                              local.get 30
                              local.get 31
                              i32.add
                              local.get 36
                              v128.store align=4
                              local.get 31
                              i32.const 16
                              i32.add
                              local.set 31
                            end
                          end
                          local.get 31
                          local.get 6
                          i32.lt_u
                          br_if 0 (;@11;)
                        end
                      end
                      local.get 22
                      i32.const 1
                      i32.add
                      local.tee 22
                      local.get 8
                      i32.lt_u
                      br_if 0 (;@9;)
                    end
                  end
                end
                local.get 21
                i32.const 1
                i32.add
                local.tee 21
                local.get 7
                i32.lt_u
                br_if 0 (;@6;)
              end
            end
            local.get 19
            local.get 14
            i32.add
            local.tee 19
            local.get 5
            i32.lt_u
            br_if 0 (;@4;)
          end
        end
        local.get 16
        i32.const 1
        i32.add
        local.tee 16
        local.get 4
        i32.lt_u
        br_if 0 (;@2;)
      end
    end)
  (func (;1;) (type 1) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 v128 v128 v128 v128)
    i32.const 0
    local.set 16
    local.get 16
    local.get 4
    i32.lt_u
    if  ;; label = @1
      loop  ;; label = @2
        local.get 0
        local.get 16
        local.get 9
        i32.mul
        i32.add
        local.set 17
        local.get 1
        local.get 16
        local.get 12
        i32.mul
        i32.add
        local.set 18
        i32.const 0
        local.set 19
        local.get 19
        local.get 5
        i32.lt_u
        if  ;; label = @3
          loop  ;; label = @4
            local.get 19
            local.get 14
            i32.add
            local.set 20
            local.get 20
            local.get 5
            local.get 20
            local.get 5
            i32.lt_u
            select
            local.set 20
            i32.const 0
            local.set 21
            local.get 21
            local.get 7
            i32.lt_u
            if  ;; label = @5
              loop  ;; label = @6
                local.get 3
                local.get 21
                i32.const 12
                i32.mul
                i32.add
                local.set 23
                local.get 23
                i32.load
                local.set 24
                local.get 24
                local.get 19
                local.get 19
                local.get 24
                i32.lt_u
                select
                local.set 24
                local.get 23
                i32.load offset=4
                local.set 25
                local.get 25
                local.get 20
                local.get 25
                local.get 20
                i32.lt_u
                select
                local.set 25
                local.get 23
                i32.load offset=8
                local.set 26
                local.get 24
                local.get 25
                i32.lt_u
                if  ;; label = @7
                  i32.const 0
                  local.set 22
                  local.get 22
                  local.get 8
                  i32.lt_u
                  if  ;; label = @8
                    loop  ;; label = @9
                      local.get 3
                      local.get 7
                      local.get 22
                      i32.add
                      i32.const 12
                      i32.mul
                      i32.add
                      local.set 23
                      local.get 23
                      i32.load
                      local.get 6
                      i32.mul
                      local.set 28
                      local.get 23
                      i32.load offset=4
                      local.get 6
                      i32.mul
                      local.get 28
                      i32.sub
                      local.set 29
                      local.get 23
                      i32.load offset=8
                      local.set 27
                      local.get 28
                      local.get 29
                      local.get 28
                      i32.add
                      i32.lt_u
                      if  ;; label = @10
                        local.get 2
                        local.get 21
                        local.get 8
                        i32.mul
                        local.get 22
                        i32.add
                        local.get 6
                        i32.mul
                        i32.add
                        local.set 30
                        i32.const 0
                        local.set 31
                        loop  ;; label = @11
                          local.get 6
                          local.get 31
                          i32.sub
                          i32.const 64
                          i32.ge_u
                          if  ;; label = @12
                            local.get 30
                            local.get 31
                            i32.add
                            v128.load align=4
                            local.set 36
                            local.get 30
                            local.get 31
                            i32.add
                            v128.load offset=16 align=4
                            local.set 37
                            local.get 30
                            local.get 31
                            i32.add
                            v128.load offset=32 align=4
                            local.set 38
                            local.get 30
                            local.get 31
                            i32.add
                            v128.load offset=48 align=4
                            local.set 39
                            local.get 24
                            local.set 32
                            loop  ;; label = @13
                              local.get 17
                              local.get 32
                              local.get 10
                              i32.mul
                              i32.add
                              local.get 26
                              i32.add
                              local.get 27
                              i32.add
                              local.get 31
                              i32.add
                              local.set 33
                              local.get 18
                              local.get 32
                              local.get 13
                              i32.mul
                              i32.add
                              local.get 28
                              i32.add
                              local.get 31
                              i32.add
                              local.tee 34
                              local.get 29
                              i32.add
                              local.set 35
                              loop  ;; label = @14
                                local.get 33
                                local.get 33
                                v128.load align=4
                                local.get 34
                                v128.load align=4
                                local.get 36
                                f32x4.mul
                                f32x4.add
                                v128.store align=4
                                local.get 33
                                local.get 33
                                v128.load offset=16 align=4
                                local.get 34
                                v128.load offset=16 align=4
                                local.get 37
                                f32x4.mul
                                f32x4.add
                                v128.store offset=16 align=4
                                local.get 33
                                local.get 33
                                v128.load offset=32 align=4
                                local.get 34
                                v128.load offset=32 align=4
                                local.get 38
                                f32x4.mul
                                f32x4.add
                                v128.store offset=32 align=4
                                local.get 33
                                local.get 33
                                v128.load offset=48 align=4
                                local.get 34
                                v128.load offset=48 align=4
                                local.get 39
                                f32x4.mul
                                f32x4.add
                                v128.store offset=48 align=4
                                local.get 33
                                local.get 11
                                i32.add
                                local.set 33
                                local.get 34
                                local.get 6
                                i32.add
                                local.tee 34
                                local.get 35
                                i32.lt_u
                                br_if 0 (;@14;)
                              end
                              local.get 32
                              i32.const 1
                              i32.add
                              local.tee 32
                              local.get 25
                              i32.lt_u
                              br_if 0 (;@13;)
                            end
                            local.get 31
                            i32.const 64
                            i32.add
                            local.set 31
                          else
                            local.get 6
                            local.get 31
                            i32.sub
                            i32.const 32
                            i32.ge_u
                            if  ;; label = @13
                              local.get 30
                              local.get 31
                              i32.add
                              v128.load align=4
                              local.set 36
                              local.get 30
                              local.get 31
                              i32.add
                              v128.load offset=16 align=4
                              local.set 37
                              local.get 24
                              local.set 32
                              loop  ;; label = @14
                                local.get 17
                                local.get 32
                                local.get 10
                                i32.mul
                                i32.add
                                local.get 26
                                i32.add
                                local.get 27
                                i32.add
                                local.get 31
                                i32.add
                                local.set 33
                                local.get 18
                                local.get 32
                                local.get 13
                                i32.mul
                                i32.add
                                local.get 28
                                i32.add
                                local.get 31
                                i32.add
                                local.tee 34
                                local.get 29
                                i32.add
                                local.set 35
                                loop  ;; label = @15
                                  local.get 33
                                  local.get 33
                                  v128.load align=4
                                  local.get 34
                                  v128.load align=4
                                  local.get 36
                                  f32x4.mul
                                  f32x4.add
                                  v128.store align=4
                                  local.get 33
                                  local.get 33
                                  v128.load offset=16 align=4
                                  local.get 34
                                  v128.load offset=16 align=4
                                  local.get 37
                                  f32x4.mul
                                  f32x4.add
                                  v128.store offset=16 align=4
                                  local.get 33
                                  local.get 11
                                  i32.add
                                  local.set 33
                                  local.get 34
                                  local.get 6
                                  i32.add
                                  local.tee 34
                                  local.get 35
                                  i32.lt_u
                                  br_if 0 (;@15;)
                                end
                                local.get 32
                                i32.const 1
                                i32.add
                                local.tee 32
                                local.get 25
                                i32.lt_u
                                br_if 0 (;@14;)
                              end
                              local.get 31
                              i32.const 32
                              i32.add
                              local.set 31
                            else
                              local.get 30
                              local.get 31
                              i32.add
                              v128.load align=4
                              local.set 36
                              local.get 24
                              local.set 32
                              loop  ;; label = @14
                                local.get 17
                                local.get 32
                                local.get 10
                                i32.mul
                                i32.add
                                local.get 26
                                i32.add
                                local.get 27
                                i32.add
                                local.get 31
                                i32.add
                                local.set 33
                                local.get 18
                                local.get 32
                                local.get 13
                                i32.mul
                                i32.add
                                local.get 28
                                i32.add
                                local.get 31
                                i32.add
                                local.tee 34
                                local.get 29
                                i32.add
                                local.set 35
                                loop  ;; label = @15
                                  local.get 33
                                  local.get 33
                                  v128.load align=4
                                  local.get 34
                                  v128.load align=4
                                  local.get 36
                                  f32x4.mul
                                  f32x4.add
                                  v128.store align=4
                                  local.get 33
                                  local.get 11
                                  i32.add
                                  local.set 33
                                  local.get 34
                                  local.get 6
                                  i32.add
                                  local.tee 34
                                  local.get 35
                                  i32.lt_u
                                  br_if 0 (;@15;)
                                end
                                local.get 32
                                i32.const 1
                                i32.add
                                local.tee 32
                                local.get 25
                                i32.lt_u
                                br_if 0 (;@14;)
                              end
                              local.get 31
                              i32.const 16
                              i32.add
                              local.set 31
                            end
                          end
                          local.get 31
                          local.get 6
                          i32.lt_u
                          br_if 0 (;@11;)
                        end
                      end
                      local.get 22
                      i32.const 1
                      i32.add
                      local.tee 22
                      local.get 8
                      i32.lt_u
                      br_if 0 (;@9;)
                    end
                  end
                end
                local.get 21
                i32.const 1
                i32.add
                local.tee 21
                local.get 7
                i32.lt_u
                br_if 0 (;@6;)
              end
            end
            local.get 19
            local.get 14
            i32.add
            local.tee 19
            local.get 5
            i32.lt_u
            br_if 0 (;@4;)
          end
        end
        local.get 16
        i32.const 1
        i32.add
        local.tee 16
        local.get 4
        i32.lt_u
        br_if 0 (;@2;)
      end
    end)
  (export "filterGrad" (func 0))
  (export "inputGrad" (func 1)))
