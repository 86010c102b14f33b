(module
  (type (;0;) (func (param i32 i32 i32 i32 i32)))
  (type (;1;) (func (param i32 i32 i32 i32 i32 i32)))
  (type (;2;) (func (param i32 i32 i32 i32 i32 i32)))
  (type (;3;) (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (type (;4;) (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0) (param i32 i32 i32 i32 i32)
    (local v128 v128 v128 i32 i32 i32 i32 i32)
    local.get 0
    local.set 8
    local.get 0
    local.get 3
    local.get 4
    i32.mul
    i32.add
    local.set 9
    loop  ;; label = @1
      i32.const 0
      local.set 10
      loop  ;; label = @2
        local.get 8
        v128.load align=4
        local.set 5
        local.get 5
        f64x2.promote_low_f32x4
        local.set 6
        local.get 5
        local.get 5
        i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
        f64x2.promote_low_f32x4
        local.set 7
        local.get 1
        local.get 10
        local.get 10
        i32.add
        i32.add
        local.set 11
        local.get 11
        local.get 11
        v128.load align=4
        local.get 6
        f64x2.add
        v128.store align=4
        local.get 11
        local.get 11
        v128.load offset=16 align=4
        local.get 7
        f64x2.add
        v128.store offset=16 align=4
        local.get 6
        local.get 6
        f64x2.mul
        local.set 6
        local.get 7
        local.get 7
        f64x2.mul
        local.set 7
        local.get 2
        local.get 10
        local.get 10
        i32.add
        i32.add
        local.set 12
        local.get 12
        local.get 12
        v128.load align=4
        local.get 6
        f64x2.add
        v128.store align=4
        local.get 12
        local.get 12
        v128.load offset=16 align=4
        local.get 7
        f64x2.add
        v128.store offset=16 align=4
        local.get 8
        i32.const 16
        i32.add
        local.set 8
        local.get 10
        i32.const 16
        i32.add
        local.tee 10
        local.get 4
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 8
      local.get 9
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (func (;1;) (type 1) (param i32 i32 i32 i32 i32 i32)
    (local v128 v128 v128 v128 v128 i32 i32 i32 i32 i32 i32)
    local.get 1
    local.get 0
    i32.sub
    local.set 11
    local.get 0
    local.set 12
    local.get 0
    local.get 4
    local.get 5
    i32.mul
    i32.add
    local.set 13
    loop  ;; label = @1
      i32.const 0
      local.set 14
      loop  ;; label = @2
        local.get 12
        v128.load align=4
        local.set 6
        local.get 6
        f64x2.promote_low_f32x4
        local.set 7
        local.get 6
        local.get 6
        i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
        f64x2.promote_low_f32x4
        local.set 8
        local.get 2
        local.get 14
        local.get 14
        i32.add
        i32.add
        local.set 15
        local.get 15
        local.get 15
        v128.load align=4
        local.get 7
        f64x2.add
        v128.store align=4
        local.get 15
        local.get 15
        v128.load offset=16 align=4
        local.get 8
        f64x2.add
        v128.store offset=16 align=4
        local.get 12
        local.get 11
        i32.add
        v128.load align=4
        local.set 6
        local.get 6
        f64x2.promote_low_f32x4
        local.set 9
        local.get 6
        local.get 6
        i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
        f64x2.promote_low_f32x4
        local.set 10
        local.get 7
        local.get 9
        f64x2.mul
        local.set 7
        local.get 8
        local.get 10
        f64x2.mul
        local.set 8
        local.get 3
        local.get 14
        local.get 14
        i32.add
        i32.add
        local.set 16
        local.get 16
        local.get 16
        v128.load align=4
        local.get 7
        f64x2.add
        v128.store align=4
        local.get 16
        local.get 16
        v128.load offset=16 align=4
        local.get 8
        f64x2.add
        v128.store offset=16 align=4
        local.get 12
        i32.const 16
        i32.add
        local.set 12
        local.get 14
        i32.const 16
        i32.add
        local.tee 14
        local.get 5
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 12
      local.get 13
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (func (;2;) (type 2) (param i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32)
    local.get 1
    local.get 0
    i32.sub
    local.set 6
    local.get 0
    local.set 7
    local.get 0
    local.get 4
    local.get 5
    i32.mul
    i32.add
    local.set 8
    loop  ;; label = @1
      i32.const 0
      local.set 9
      loop  ;; label = @2
        local.get 7
        local.get 6
        i32.add
        local.get 7
        v128.load align=4
        local.get 2
        local.get 9
        i32.add
        v128.load align=4
        f32x4.mul
        local.get 3
        local.get 9
        i32.add
        v128.load align=4
        f32x4.add
        v128.store align=4
        local.get 7
        i32.const 16
        i32.add
        local.set 7
        local.get 9
        i32.const 16
        i32.add
        local.tee 9
        local.get 5
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 7
      local.get 8
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (func (;3;) (type 3) (param i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32)
    local.get 1
    local.get 0
    i32.sub
    local.set 8
    local.get 2
    local.get 0
    i32.sub
    local.set 9
    local.get 0
    local.set 10
    local.get 0
    local.get 6
    local.get 7
    i32.mul
    i32.add
    local.set 11
    loop  ;; label = @1
      i32.const 0
      local.set 12
      loop  ;; label = @2
        local.get 10
        local.get 9
        i32.add
        local.get 10
        v128.load align=4
        local.get 3
        local.get 12
        i32.add
        v128.load align=4
        f32x4.mul
        local.get 10
        local.get 8
        i32.add
        v128.load align=4
        local.get 4
        local.get 12
        i32.add
        v128.load align=4
        f32x4.mul
        f32x4.add
        local.get 5
        local.get 12
        i32.add
        v128.load align=4
        f32x4.add
        v128.store align=4
        local.get 10
        i32.const 16
        i32.add
        local.set 10
        local.get 12
        i32.const 16
        i32.add
        local.tee 12
        local.get 7
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 10
      local.get 11
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (func (;4;) (type 4) (param i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 v128 v128 v128 i32 i32 i32)
    local.get 1
    local.get 0
    i32.sub
    local.set 8
    local.get 0
    local.set 13
    local.get 0
    local.get 6
    local.get 7
    i32.mul
    i32.add
    local.set 14
    loop  ;; label = @1
      i32.const 0
      local.set 15
      loop  ;; label = @2
        local.get 13
        v128.load align=4
        local.get 2
        local.get 15
        i32.add
        v128.load align=4
        f32x4.sub
        local.get 3
        local.get 15
        i32.add
        v128.load align=4
        f32x4.mul
        local.set 10
        local.get 10
        f64x2.promote_low_f32x4
        local.set 11
        local.get 10
        local.get 10
        i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7
        f64x2.promote_low_f32x4
        local.set 12
        local.get 15
        local.get 15
        i32.add
        local.set 9
        local.get 13
        local.get 8
        i32.add
        local.get 11
        local.get 4
        local.get 9
        i32.add
        v128.load align=4
        f64x2.div
        local.get 5
        local.get 9
        i32.add
        v128.load align=4
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane 0
        local.get 13
        local.get 8
        i32.add
        local.get 12
        local.get 4
        local.get 9
        i32.add
        v128.load offset=16 align=4
        f64x2.div
        local.get 5
        local.get 9
        i32.add
        v128.load offset=16 align=4
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=8 0
        local.get 13
        i32.const 16
        i32.add
        local.set 13
        local.get 15
        i32.const 16
        i32.add
        local.tee 15
        local.get 7
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 13
      local.get 14
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (export "sumSq" (func 0))
  (export "sumProd" (func 1))
  (export "affine" (func 2))
  (export "affine2" (func 3))
  (export "normalize" (func 4)))
