(module
  (type (;0;) (func (param i32 i32 i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0) (param i32 i32 i32 i32)
    (local i32 i32 i32 i32 v128 v128 v128)
    local.get 0
    local.set 4
    local.get 0
    local.get 2
    local.get 3
    i32.mul
    i32.add
    local.set 5
    loop  ;; label = @1
      local.get 1
      local.set 6
      local.get 4
      local.get 3
      i32.add
      local.set 7
      loop  ;; label = @2
        local.get 4
        v128.load align=4
        local.set 8
        local.get 8
        f64x2.promote_low_f32x4
        local.set 9
        local.get 8
        local.get 8
        i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
        f64x2.promote_low_f32x4
        local.set 10
        local.get 6
        local.get 6
        v128.load align=4
        local.get 9
        f64x2.add
        v128.store align=4
        local.get 6
        local.get 6
        v128.load offset=16 align=4
        local.get 10
        f64x2.add
        v128.store offset=16 align=4
        local.get 6
        i32.const 32
        i32.add
        local.set 6
        local.get 4
        i32.const 16
        i32.add
        local.tee 4
        local.get 7
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 4
      local.get 5
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (export "sumRows" (func 0)))
