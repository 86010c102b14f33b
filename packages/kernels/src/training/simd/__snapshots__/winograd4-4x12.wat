(module
  (type (;0;) (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (type (;1;) (func (param i32 i32 i32)))
  (type (;2;) (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (type (;3;) (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (type (;4;) (func (param i32 i32 i32)))
  (type (;5;) (func (param i32 i32 i32)))
  (type (;6;) (func (param i32 i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    local.set 14
    v128.const i32x4 0xc0800000 0xc0800000 0xc0800000 0xc0800000
    local.set 15
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    local.set 16
    i32.const 0
    local.set 8
    loop  ;; label = @1
      local.get 2
      local.get 8
      i32.add
      local.get 3
      i32.const 1
      i32.sub
      local.get 2
      local.get 8
      i32.add
      local.get 3
      i32.const 1
      i32.sub
      i32.lt_u
      select
      local.set 9
      local.get 0
      local.set 10
      local.get 10
      local.get 9
      local.get 5
      i32.div_u
      local.get 7
      i32.mul
      i32.add
      local.set 10
      local.get 9
      local.get 5
      i32.rem_u
      local.set 11
      local.get 10
      local.get 11
      local.get 4
      i32.div_u
      i32.const 4
      i32.mul
      local.get 6
      i32.mul
      i32.add
      local.get 11
      local.get 4
      i32.rem_u
      i32.const 64
      i32.mul
      i32.add
      local.set 10
      local.get 1
      local.get 8
      i32.const 16
      i32.mul
      i32.add
      local.set 13
      i32.const 0
      local.set 12
      loop  ;; label = @2
        local.get 10
        local.get 12
        i32.add
        v128.load align=4
        local.set 17
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 1
        i32.mul
        i32.add
        v128.load align=4
        local.set 18
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 2
        i32.mul
        i32.add
        v128.load align=4
        local.set 19
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 3
        i32.mul
        i32.add
        v128.load align=4
        local.set 20
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 4
        i32.mul
        i32.add
        v128.load align=4
        local.set 21
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 5
        i32.mul
        i32.add
        v128.load align=4
        local.set 22
        local.get 21
        local.get 19
        f32x4.sub
        local.set 23
        local.get 23
        local.get 14
        local.get 17
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 23
        local.get 20
        local.set 29
        local.get 29
        local.get 15
        local.get 18
        f32x4.mul
        f32x4.add
        local.set 29
        local.get 29
        local.get 15
        local.get 19
        f32x4.mul
        f32x4.add
        local.get 21
        f32x4.add
        local.set 29
        local.get 21
        local.get 20
        f32x4.sub
        local.set 35
        local.get 35
        local.get 14
        local.get 18
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 35
        local.get 21
        local.get 19
        f32x4.sub
        local.set 41
        local.get 41
        local.get 16
        local.get 20
        local.get 18
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 41
        local.get 21
        local.get 19
        f32x4.sub
        local.set 47
        local.get 47
        local.get 16
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 47
        local.get 22
        local.get 20
        f32x4.sub
        local.set 53
        local.get 53
        local.get 14
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 53
        local.get 10
        local.get 12
        i32.add
        v128.load offset=16 align=4
        local.set 17
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 1
        i32.mul
        i32.add
        v128.load offset=16 align=4
        local.set 18
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 2
        i32.mul
        i32.add
        v128.load offset=16 align=4
        local.set 19
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 3
        i32.mul
        i32.add
        v128.load offset=16 align=4
        local.set 20
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 4
        i32.mul
        i32.add
        v128.load offset=16 align=4
        local.set 21
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 5
        i32.mul
        i32.add
        v128.load offset=16 align=4
        local.set 22
        local.get 21
        local.get 19
        f32x4.sub
        local.set 24
        local.get 24
        local.get 14
        local.get 17
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 24
        local.get 20
        local.set 30
        local.get 30
        local.get 15
        local.get 18
        f32x4.mul
        f32x4.add
        local.set 30
        local.get 30
        local.get 15
        local.get 19
        f32x4.mul
        f32x4.add
        local.get 21
        f32x4.add
        local.set 30
        local.get 21
        local.get 20
        f32x4.sub
        local.set 36
        local.get 36
        local.get 14
        local.get 18
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 36
        local.get 21
        local.get 19
        f32x4.sub
        local.set 42
        local.get 42
        local.get 16
        local.get 20
        local.get 18
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 42
        local.get 21
        local.get 19
        f32x4.sub
        local.set 48
        local.get 48
        local.get 16
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 48
        local.get 22
        local.get 20
        f32x4.sub
        local.set 54
        local.get 54
        local.get 14
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 54
        local.get 10
        local.get 12
        i32.add
        v128.load offset=32 align=4
        local.set 17
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 1
        i32.mul
        i32.add
        v128.load offset=32 align=4
        local.set 18
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 2
        i32.mul
        i32.add
        v128.load offset=32 align=4
        local.set 19
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 3
        i32.mul
        i32.add
        v128.load offset=32 align=4
        local.set 20
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 4
        i32.mul
        i32.add
        v128.load offset=32 align=4
        local.set 21
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 5
        i32.mul
        i32.add
        v128.load offset=32 align=4
        local.set 22
        local.get 21
        local.get 19
        f32x4.sub
        local.set 25
        local.get 25
        local.get 14
        local.get 17
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 25
        local.get 20
        local.set 31
        local.get 31
        local.get 15
        local.get 18
        f32x4.mul
        f32x4.add
        local.set 31
        local.get 31
        local.get 15
        local.get 19
        f32x4.mul
        f32x4.add
        local.get 21
        f32x4.add
        local.set 31
        local.get 21
        local.get 20
        f32x4.sub
        local.set 37
        local.get 37
        local.get 14
        local.get 18
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 37
        local.get 21
        local.get 19
        f32x4.sub
        local.set 43
        local.get 43
        local.get 16
        local.get 20
        local.get 18
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 43
        local.get 21
        local.get 19
        f32x4.sub
        local.set 49
        local.get 49
        local.get 16
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 49
        local.get 22
        local.get 20
        f32x4.sub
        local.set 55
        local.get 55
        local.get 14
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 55
        local.get 10
        local.get 12
        i32.add
        v128.load offset=48 align=4
        local.set 17
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 1
        i32.mul
        i32.add
        v128.load offset=48 align=4
        local.set 18
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 2
        i32.mul
        i32.add
        v128.load offset=48 align=4
        local.set 19
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 3
        i32.mul
        i32.add
        v128.load offset=48 align=4
        local.set 20
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 4
        i32.mul
        i32.add
        v128.load offset=48 align=4
        local.set 21
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 5
        i32.mul
        i32.add
        v128.load offset=48 align=4
        local.set 22
        local.get 21
        local.get 19
        f32x4.sub
        local.set 26
        local.get 26
        local.get 14
        local.get 17
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 26
        local.get 20
        local.set 32
        local.get 32
        local.get 15
        local.get 18
        f32x4.mul
        f32x4.add
        local.set 32
        local.get 32
        local.get 15
        local.get 19
        f32x4.mul
        f32x4.add
        local.get 21
        f32x4.add
        local.set 32
        local.get 21
        local.get 20
        f32x4.sub
        local.set 38
        local.get 38
        local.get 14
        local.get 18
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 38
        local.get 21
        local.get 19
        f32x4.sub
        local.set 44
        local.get 44
        local.get 16
        local.get 20
        local.get 18
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 44
        local.get 21
        local.get 19
        f32x4.sub
        local.set 50
        local.get 50
        local.get 16
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 50
        local.get 22
        local.get 20
        f32x4.sub
        local.set 56
        local.get 56
        local.get 14
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 56
        local.get 10
        local.get 12
        i32.add
        v128.load offset=64 align=4
        local.set 17
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 1
        i32.mul
        i32.add
        v128.load offset=64 align=4
        local.set 18
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 2
        i32.mul
        i32.add
        v128.load offset=64 align=4
        local.set 19
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 3
        i32.mul
        i32.add
        v128.load offset=64 align=4
        local.set 20
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 4
        i32.mul
        i32.add
        v128.load offset=64 align=4
        local.set 21
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 5
        i32.mul
        i32.add
        v128.load offset=64 align=4
        local.set 22
        local.get 21
        local.get 19
        f32x4.sub
        local.set 27
        local.get 27
        local.get 14
        local.get 17
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 27
        local.get 20
        local.set 33
        local.get 33
        local.get 15
        local.get 18
        f32x4.mul
        f32x4.add
        local.set 33
        local.get 33
        local.get 15
        local.get 19
        f32x4.mul
        f32x4.add
        local.get 21
        f32x4.add
        local.set 33
        local.get 21
        local.get 20
        f32x4.sub
        local.set 39
        local.get 39
        local.get 14
        local.get 18
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 39
        local.get 21
        local.get 19
        f32x4.sub
        local.set 45
        local.get 45
        local.get 16
        local.get 20
        local.get 18
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 45
        local.get 21
        local.get 19
        f32x4.sub
        local.set 51
        local.get 51
        local.get 16
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 51
        local.get 22
        local.get 20
        f32x4.sub
        local.set 57
        local.get 57
        local.get 14
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 57
        local.get 10
        local.get 12
        i32.add
        v128.load offset=80 align=4
        local.set 17
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 1
        i32.mul
        i32.add
        v128.load offset=80 align=4
        local.set 18
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 2
        i32.mul
        i32.add
        v128.load offset=80 align=4
        local.set 19
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 3
        i32.mul
        i32.add
        v128.load offset=80 align=4
        local.set 20
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 4
        i32.mul
        i32.add
        v128.load offset=80 align=4
        local.set 21
        local.get 10
        local.get 12
        i32.add
        local.get 6
        i32.const 5
        i32.mul
        i32.add
        v128.load offset=80 align=4
        local.set 22
        local.get 21
        local.get 19
        f32x4.sub
        local.set 28
        local.get 28
        local.get 14
        local.get 17
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 28
        local.get 20
        local.set 34
        local.get 34
        local.get 15
        local.get 18
        f32x4.mul
        f32x4.add
        local.set 34
        local.get 34
        local.get 15
        local.get 19
        f32x4.mul
        f32x4.add
        local.get 21
        f32x4.add
        local.set 34
        local.get 21
        local.get 20
        f32x4.sub
        local.set 40
        local.get 40
        local.get 14
        local.get 18
        local.get 19
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 40
        local.get 21
        local.get 19
        f32x4.sub
        local.set 46
        local.get 46
        local.get 16
        local.get 20
        local.get 18
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 46
        local.get 21
        local.get 19
        f32x4.sub
        local.set 52
        local.get 52
        local.get 16
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 52
        local.get 22
        local.get 20
        f32x4.sub
        local.set 58
        local.get 58
        local.get 14
        local.get 18
        local.get 20
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 58
        local.get 27
        local.get 25
        f32x4.sub
        local.set 59
        local.get 59
        local.get 14
        local.get 23
        local.get 25
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 59
        local.get 26
        local.set 60
        local.get 60
        local.get 15
        local.get 24
        f32x4.mul
        f32x4.add
        local.set 60
        local.get 60
        local.get 15
        local.get 25
        f32x4.mul
        f32x4.add
        local.get 27
        f32x4.add
        local.set 60
        local.get 27
        local.get 26
        f32x4.sub
        local.set 61
        local.get 61
        local.get 14
        local.get 24
        local.get 25
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 61
        local.get 27
        local.get 25
        f32x4.sub
        local.set 62
        local.get 62
        local.get 16
        local.get 26
        local.get 24
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 62
        local.get 27
        local.get 25
        f32x4.sub
        local.set 63
        local.get 63
        local.get 16
        local.get 24
        local.get 26
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 63
        local.get 28
        local.get 26
        f32x4.sub
        local.set 64
        local.get 64
        local.get 14
        local.get 24
        local.get 26
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 64
        local.get 13
        local.get 12
        i32.add
        local.get 59
        v128.store align=4
        local.get 13
        local.get 12
        i32.add
        local.get 60
        v128.store offset=128 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 61
        v128.store offset=256 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 62
        v128.store offset=384 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 63
        v128.store offset=512 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 64
        v128.store offset=640 align=4
        local.get 33
        local.get 31
        f32x4.sub
        local.set 59
        local.get 59
        local.get 14
        local.get 29
        local.get 31
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 59
        local.get 32
        local.set 60
        local.get 60
        local.get 15
        local.get 30
        f32x4.mul
        f32x4.add
        local.set 60
        local.get 60
        local.get 15
        local.get 31
        f32x4.mul
        f32x4.add
        local.get 33
        f32x4.add
        local.set 60
        local.get 33
        local.get 32
        f32x4.sub
        local.set 61
        local.get 61
        local.get 14
        local.get 30
        local.get 31
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 61
        local.get 33
        local.get 31
        f32x4.sub
        local.set 62
        local.get 62
        local.get 16
        local.get 32
        local.get 30
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 62
        local.get 33
        local.get 31
        f32x4.sub
        local.set 63
        local.get 63
        local.get 16
        local.get 30
        local.get 32
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 63
        local.get 34
        local.get 32
        f32x4.sub
        local.set 64
        local.get 64
        local.get 14
        local.get 30
        local.get 32
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 64
        local.get 13
        local.get 12
        i32.add
        local.get 59
        v128.store offset=768 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 60
        v128.store offset=896 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 61
        v128.store offset=1024 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 62
        v128.store offset=1152 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 63
        v128.store offset=1280 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 64
        v128.store offset=1408 align=4
        local.get 39
        local.get 37
        f32x4.sub
        local.set 59
        local.get 59
        local.get 14
        local.get 35
        local.get 37
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 59
        local.get 38
        local.set 60
        local.get 60
        local.get 15
        local.get 36
        f32x4.mul
        f32x4.add
        local.set 60
        local.get 60
        local.get 15
        local.get 37
        f32x4.mul
        f32x4.add
        local.get 39
        f32x4.add
        local.set 60
        local.get 39
        local.get 38
        f32x4.sub
        local.set 61
        local.get 61
        local.get 14
        local.get 36
        local.get 37
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 61
        local.get 39
        local.get 37
        f32x4.sub
        local.set 62
        local.get 62
        local.get 16
        local.get 38
        local.get 36
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 62
        local.get 39
        local.get 37
        f32x4.sub
        local.set 63
        local.get 63
        local.get 16
        local.get 36
        local.get 38
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 63
        local.get 40
        local.get 38
        f32x4.sub
        local.set 64
        local.get 64
        local.get 14
        local.get 36
        local.get 38
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 64
        local.get 13
        local.get 12
        i32.add
        local.get 59
        v128.store offset=1536 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 60
        v128.store offset=1664 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 61
        v128.store offset=1792 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 62
        v128.store offset=1920 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 63
        v128.store offset=2048 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 64
        v128.store offset=2176 align=4
        local.get 45
        local.get 43
        f32x4.sub
        local.set 59
        local.get 59
        local.get 14
        local.get 41
        local.get 43
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 59
        local.get 44
        local.set 60
        local.get 60
        local.get 15
        local.get 42
        f32x4.mul
        f32x4.add
        local.set 60
        local.get 60
        local.get 15
        local.get 43
        f32x4.mul
        f32x4.add
        local.get 45
        f32x4.add
        local.set 60
        local.get 45
        local.get 44
        f32x4.sub
        local.set 61
        local.get 61
        local.get 14
        local.get 42
        local.get 43
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 61
        local.get 45
        local.get 43
        f32x4.sub
        local.set 62
        local.get 62
        local.get 16
        local.get 44
        local.get 42
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 62
        local.get 45
        local.get 43
        f32x4.sub
        local.set 63
        local.get 63
        local.get 16
        local.get 42
        local.get 44
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 63
        local.get 46
        local.get 44
        f32x4.sub
        local.set 64
        local.get 64
        local.get 14
        local.get 42
        local.get 44
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 64
        local.get 13
        local.get 12
        i32.add
        local.get 59
        v128.store offset=2304 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 60
        v128.store offset=2432 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 61
        v128.store offset=2560 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 62
        v128.store offset=2688 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 63
        v128.store offset=2816 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 64
        v128.store offset=2944 align=4
        local.get 51
        local.get 49
        f32x4.sub
        local.set 59
        local.get 59
        local.get 14
        local.get 47
        local.get 49
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 59
        local.get 50
        local.set 60
        local.get 60
        local.get 15
        local.get 48
        f32x4.mul
        f32x4.add
        local.set 60
        local.get 60
        local.get 15
        local.get 49
        f32x4.mul
        f32x4.add
        local.get 51
        f32x4.add
        local.set 60
        local.get 51
        local.get 50
        f32x4.sub
        local.set 61
        local.get 61
        local.get 14
        local.get 48
        local.get 49
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 61
        local.get 51
        local.get 49
        f32x4.sub
        local.set 62
        local.get 62
        local.get 16
        local.get 50
        local.get 48
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 62
        local.get 51
        local.get 49
        f32x4.sub
        local.set 63
        local.get 63
        local.get 16
        local.get 48
        local.get 50
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 63
        local.get 52
        local.get 50
        f32x4.sub
        local.set 64
        local.get 64
        local.get 14
        local.get 48
        local.get 50
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 64
        local.get 13
        local.get 12
        i32.add
        local.get 59
        v128.store offset=3072 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 60
        v128.store offset=3200 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 61
        v128.store offset=3328 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 62
        v128.store offset=3456 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 63
        v128.store offset=3584 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 64
        v128.store offset=3712 align=4
        local.get 57
        local.get 55
        f32x4.sub
        local.set 59
        local.get 59
        local.get 14
        local.get 53
        local.get 55
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 59
        local.get 56
        local.set 60
        local.get 60
        local.get 15
        local.get 54
        f32x4.mul
        f32x4.add
        local.set 60
        local.get 60
        local.get 15
        local.get 55
        f32x4.mul
        f32x4.add
        local.get 57
        f32x4.add
        local.set 60
        local.get 57
        local.get 56
        f32x4.sub
        local.set 61
        local.get 61
        local.get 14
        local.get 54
        local.get 55
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 61
        local.get 57
        local.get 55
        f32x4.sub
        local.set 62
        local.get 62
        local.get 16
        local.get 56
        local.get 54
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 62
        local.get 57
        local.get 55
        f32x4.sub
        local.set 63
        local.get 63
        local.get 16
        local.get 54
        local.get 56
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 63
        local.get 58
        local.get 56
        f32x4.sub
        local.set 64
        local.get 64
        local.get 14
        local.get 54
        local.get 56
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 64
        local.get 13
        local.get 12
        i32.add
        local.get 59
        v128.store offset=3840 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 60
        v128.store offset=3968 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 61
        v128.store offset=4096 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 62
        v128.store offset=4224 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 63
        v128.store offset=4352 align=4
        local.get 13
        local.get 12
        i32.add
        local.get 64
        v128.store offset=4480 align=4
        local.get 12
        i32.const 16
        i32.add
        local.tee 12
        i32.const 16
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 8
      i32.const 1
      i32.add
      local.tee 8
      i32.const 4
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (func (;1;) (type 1) (param i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
    i32.const 0
    local.set 3
    loop  ;; label = @1
      local.get 0
      local.get 3
      i32.const 128
      i32.mul
      i32.add
      local.set 4
      local.get 1
      local.get 3
      i32.const 192
      i32.mul
      i32.add
      local.set 5
      local.get 2
      local.get 3
      i32.const 256
      i32.mul
      i32.add
      local.set 6
      i32.const 0
      local.set 8
      loop  ;; label = @2
        i32.const 12
        local.get 8
        i32.sub
        i32.const 8
        i32.ge_u
        if  ;; label = @3
          i32.const 0
          local.set 7
          loop  ;; label = @4
            local.get 6
            local.get 7
            i32.const 48
            i32.mul
            i32.add
            local.get 8
            i32.const 4
            i32.mul
            i32.add
            local.set 12
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 13
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 14
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 15
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 16
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 17
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 18
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 19
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 20
            local.get 4
            local.get 7
            i32.const 16
            i32.mul
            i32.add
            local.set 9
            local.get 5
            local.get 8
            i32.const 4
            i32.mul
            i32.add
            local.tee 10
            i32.const 192
            i32.add
            local.set 11
            loop  ;; label = @5
              local.get 10
              v128.load align=4
              local.set 21
              local.get 10
              v128.load offset=16 align=4
              local.set 22
              local.get 9
              v128.load32_splat
              local.set 23
              local.get 13
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 13
              local.get 14
              local.get 23
              local.get 22
              f32x4.mul
              f32x4.add
              local.set 14
              local.get 9
              v128.load32_splat offset=16
              local.set 23
              local.get 15
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 15
              local.get 16
              local.get 23
              local.get 22
              f32x4.mul
              f32x4.add
              local.set 16
              local.get 9
              v128.load32_splat offset=32
              local.set 23
              local.get 17
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 17
              local.get 18
              local.get 23
              local.get 22
              f32x4.mul
              f32x4.add
              local.set 18
              local.get 9
              v128.load32_splat offset=48
              local.set 23
              local.get 19
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 19
              local.get 20
              local.get 23
              local.get 22
              f32x4.mul
              f32x4.add
              local.set 20
              local.get 9
              i32.const 4
              i32.add
              local.set 9
              local.get 10
              i32.const 48
              i32.add
              local.tee 10
              local.get 11
              i32.lt_u
              br_if 0 (;@5;)
            end
            local.get 12
            local.get 13
            v128.store align=4
            local.get 12
            local.get 14
            v128.store offset=16 align=4
            local.get 12
            local.get 15
            v128.store offset=48 align=4
            local.get 12
            local.get 16
            v128.store offset=64 align=4
            local.get 12
            local.get 17
            v128.store offset=96 align=4
            local.get 12
            local.get 18
            v128.store offset=112 align=4
            local.get 12
            local.get 19
            v128.store offset=144 align=4
            local.get 12
            local.get 20
            v128.store offset=160 align=4
            local.get 7
            i32.const 4
            i32.add
            local.tee 7
            i32.const 4
            i32.lt_u
            br_if 0 (;@4;)
          end
          local.get 8
          i32.const 8
          i32.add
          local.set 8
        else
          i32.const 0
          local.set 7
          loop  ;; label = @4
            local.get 6
            local.get 7
            i32.const 48
            i32.mul
            i32.add
            local.get 8
            i32.const 4
            i32.mul
            i32.add
            local.set 12
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 13
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 15
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 17
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 19
            local.get 4
            local.get 7
            i32.const 16
            i32.mul
            i32.add
            local.set 9
            local.get 5
            local.get 8
            i32.const 4
            i32.mul
            i32.add
            local.tee 10
            i32.const 192
            i32.add
            local.set 11
            loop  ;; label = @5
              local.get 10
              v128.load align=4
              local.set 21
              local.get 9
              v128.load32_splat
              local.set 23
              local.get 13
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 13
              local.get 9
              v128.load32_splat offset=16
              local.set 23
              local.get 15
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 15
              local.get 9
              v128.load32_splat offset=32
              local.set 23
              local.get 17
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 17
              local.get 9
              v128.load32_splat offset=48
              local.set 23
              local.get 19
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 19
              local.get 9
              i32.const 4
              i32.add
              local.set 9
              local.get 10
              i32.const 48
              i32.add
              local.tee 10
              local.get 11
              i32.lt_u
              br_if 0 (;@5;)
            end
            local.get 12
            local.get 13
            v128.store align=4
            local.get 12
            local.get 15
            v128.store offset=48 align=4
            local.get 12
            local.get 17
            v128.store offset=96 align=4
            local.get 12
            local.get 19
            v128.store offset=144 align=4
            local.get 7
            i32.const 4
            i32.add
            local.tee 7
            i32.const 4
            i32.lt_u
            br_if 0 (;@4;)
          end
          local.get 8
          i32.const 4
          i32.add
          local.set 8
        end
        local.get 8
        i32.const 12
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 3
      i32.const 1
      i32.add
      local.tee 3
      i32.const 36
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (func (;2;) (type 2) (param i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local v128 v128 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
    local.get 7
    i32.const 48
    i32.mul
    local.set 17
    local.get 6
    local.get 17
    i32.mul
    local.set 18
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    local.set 21
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    local.set 22
    v128.const i32x4 0x41000000 0x41000000 0x41000000 0x41000000
    local.set 23
    v128.const i32x4 0xc1000000 0xc1000000 0xc1000000 0xc1000000
    local.set 24
    i32.const 0
    local.set 11
    loop  ;; label = @1
      local.get 2
      local.get 11
      i32.add
      local.set 12
      local.get 1
      local.set 13
      local.get 13
      local.get 12
      local.get 5
      i32.div_u
      local.get 18
      i32.mul
      i32.add
      local.set 13
      local.get 12
      local.get 5
      i32.rem_u
      local.set 14
      local.get 13
      local.get 14
      local.get 4
      i32.div_u
      i32.const 4
      i32.mul
      local.get 17
      i32.mul
      i32.add
      local.get 14
      local.get 4
      i32.rem_u
      i32.const 192
      i32.mul
      i32.add
      local.set 13
      local.get 6
      local.get 12
      local.get 5
      i32.rem_u
      local.get 4
      i32.div_u
      i32.const 4
      i32.mul
      i32.sub
      local.set 19
      local.get 7
      local.get 12
      local.get 5
      i32.rem_u
      local.get 4
      i32.rem_u
      i32.const 4
      i32.mul
      i32.sub
      local.set 20
      local.get 0
      local.get 11
      i32.const 48
      i32.mul
      i32.add
      local.set 16
      i32.const 0
      local.set 15
      loop  ;; label = @2
        local.get 16
        local.get 15
        i32.add
        v128.load align=4
        local.set 25
        local.get 16
        local.get 15
        i32.add
        v128.load offset=256 align=4
        local.set 26
        local.get 16
        local.get 15
        i32.add
        v128.load offset=512 align=4
        local.set 27
        local.get 16
        local.get 15
        i32.add
        v128.load offset=768 align=4
        local.set 28
        local.get 16
        local.get 15
        i32.add
        v128.load offset=1024 align=4
        local.set 29
        local.get 16
        local.get 15
        i32.add
        v128.load offset=1280 align=4
        local.set 30
        local.get 16
        local.get 15
        i32.add
        v128.load offset=1536 align=4
        local.set 31
        local.get 16
        local.get 15
        i32.add
        v128.load offset=1792 align=4
        local.set 32
        local.get 16
        local.get 15
        i32.add
        v128.load offset=2048 align=4
        local.set 33
        local.get 16
        local.get 15
        i32.add
        v128.load offset=2304 align=4
        local.set 34
        local.get 16
        local.get 15
        i32.add
        v128.load offset=2560 align=4
        local.set 35
        local.get 16
        local.get 15
        i32.add
        v128.load offset=2816 align=4
        local.set 36
        local.get 16
        local.get 15
        i32.add
        v128.load offset=3072 align=4
        local.set 37
        local.get 16
        local.get 15
        i32.add
        v128.load offset=3328 align=4
        local.set 38
        local.get 16
        local.get 15
        i32.add
        v128.load offset=3584 align=4
        local.set 39
        local.get 16
        local.get 15
        i32.add
        v128.load offset=3840 align=4
        local.set 40
        local.get 16
        local.get 15
        i32.add
        v128.load offset=4096 align=4
        local.set 41
        local.get 16
        local.get 15
        i32.add
        v128.load offset=4352 align=4
        local.set 42
        local.get 16
        local.get 15
        i32.add
        v128.load offset=4608 align=4
        local.set 43
        local.get 16
        local.get 15
        i32.add
        v128.load offset=4864 align=4
        local.set 44
        local.get 16
        local.get 15
        i32.add
        v128.load offset=5120 align=4
        local.set 45
        local.get 16
        local.get 15
        i32.add
        v128.load offset=5376 align=4
        local.set 46
        local.get 16
        local.get 15
        i32.add
        v128.load offset=5632 align=4
        local.set 47
        local.get 16
        local.get 15
        i32.add
        v128.load offset=5888 align=4
        local.set 48
        local.get 16
        local.get 15
        i32.add
        v128.load offset=6144 align=4
        local.set 49
        local.get 16
        local.get 15
        i32.add
        v128.load offset=6400 align=4
        local.set 50
        local.get 16
        local.get 15
        i32.add
        v128.load offset=6656 align=4
        local.set 51
        local.get 16
        local.get 15
        i32.add
        v128.load offset=6912 align=4
        local.set 52
        local.get 16
        local.get 15
        i32.add
        v128.load offset=7168 align=4
        local.set 53
        local.get 16
        local.get 15
        i32.add
        v128.load offset=7424 align=4
        local.set 54
        local.get 16
        local.get 15
        i32.add
        v128.load offset=7680 align=4
        local.set 55
        local.get 16
        local.get 15
        i32.add
        v128.load offset=7936 align=4
        local.set 56
        local.get 16
        local.get 15
        i32.add
        v128.load offset=8192 align=4
        local.set 57
        local.get 16
        local.get 15
        i32.add
        v128.load offset=8448 align=4
        local.set 58
        local.get 16
        local.get 15
        i32.add
        v128.load offset=8704 align=4
        local.set 59
        local.get 16
        local.get 15
        i32.add
        v128.load offset=8960 align=4
        local.set 60
        local.get 25
        local.get 31
        f32x4.add
        local.get 37
        f32x4.add
        local.get 43
        f32x4.add
        local.get 49
        f32x4.add
        local.set 61
        local.get 31
        local.get 37
        f32x4.sub
        local.set 67
        local.get 67
        local.get 21
        local.get 43
        local.get 49
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 67
        local.get 31
        local.get 37
        f32x4.add
        local.set 73
        local.get 73
        local.get 22
        local.get 43
        f32x4.mul
        f32x4.add
        local.set 73
        local.get 73
        local.get 22
        local.get 49
        f32x4.mul
        f32x4.add
        local.set 73
        local.get 31
        local.get 37
        f32x4.sub
        local.set 79
        local.get 79
        local.get 23
        local.get 43
        f32x4.mul
        f32x4.add
        local.set 79
        local.get 79
        local.get 24
        local.get 49
        f32x4.mul
        f32x4.add
        local.get 55
        f32x4.add
        local.set 79
        local.get 26
        local.get 32
        f32x4.add
        local.get 38
        f32x4.add
        local.get 44
        f32x4.add
        local.get 50
        f32x4.add
        local.set 62
        local.get 32
        local.get 38
        f32x4.sub
        local.set 68
        local.get 68
        local.get 21
        local.get 44
        local.get 50
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 68
        local.get 32
        local.get 38
        f32x4.add
        local.set 74
        local.get 74
        local.get 22
        local.get 44
        f32x4.mul
        f32x4.add
        local.set 74
        local.get 74
        local.get 22
        local.get 50
        f32x4.mul
        f32x4.add
        local.set 74
        local.get 32
        local.get 38
        f32x4.sub
        local.set 80
        local.get 80
        local.get 23
        local.get 44
        f32x4.mul
        f32x4.add
        local.set 80
        local.get 80
        local.get 24
        local.get 50
        f32x4.mul
        f32x4.add
        local.get 56
        f32x4.add
        local.set 80
        local.get 27
        local.get 33
        f32x4.add
        local.get 39
        f32x4.add
        local.get 45
        f32x4.add
        local.get 51
        f32x4.add
        local.set 63
        local.get 33
        local.get 39
        f32x4.sub
        local.set 69
        local.get 69
        local.get 21
        local.get 45
        local.get 51
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 69
        local.get 33
        local.get 39
        f32x4.add
        local.set 75
        local.get 75
        local.get 22
        local.get 45
        f32x4.mul
        f32x4.add
        local.set 75
        local.get 75
        local.get 22
        local.get 51
        f32x4.mul
        f32x4.add
        local.set 75
        local.get 33
        local.get 39
        f32x4.sub
        local.set 81
        local.get 81
        local.get 23
        local.get 45
        f32x4.mul
        f32x4.add
        local.set 81
        local.get 81
        local.get 24
        local.get 51
        f32x4.mul
        f32x4.add
        local.get 57
        f32x4.add
        local.set 81
        local.get 28
        local.get 34
        f32x4.add
        local.get 40
        f32x4.add
        local.get 46
        f32x4.add
        local.get 52
        f32x4.add
        local.set 64
        local.get 34
        local.get 40
        f32x4.sub
        local.set 70
        local.get 70
        local.get 21
        local.get 46
        local.get 52
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 70
        local.get 34
        local.get 40
        f32x4.add
        local.set 76
        local.get 76
        local.get 22
        local.get 46
        f32x4.mul
        f32x4.add
        local.set 76
        local.get 76
        local.get 22
        local.get 52
        f32x4.mul
        f32x4.add
        local.set 76
        local.get 34
        local.get 40
        f32x4.sub
        local.set 82
        local.get 82
        local.get 23
        local.get 46
        f32x4.mul
        f32x4.add
        local.set 82
        local.get 82
        local.get 24
        local.get 52
        f32x4.mul
        f32x4.add
        local.get 58
        f32x4.add
        local.set 82
        local.get 29
        local.get 35
        f32x4.add
        local.get 41
        f32x4.add
        local.get 47
        f32x4.add
        local.get 53
        f32x4.add
        local.set 65
        local.get 35
        local.get 41
        f32x4.sub
        local.set 71
        local.get 71
        local.get 21
        local.get 47
        local.get 53
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 71
        local.get 35
        local.get 41
        f32x4.add
        local.set 77
        local.get 77
        local.get 22
        local.get 47
        f32x4.mul
        f32x4.add
        local.set 77
        local.get 77
        local.get 22
        local.get 53
        f32x4.mul
        f32x4.add
        local.set 77
        local.get 35
        local.get 41
        f32x4.sub
        local.set 83
        local.get 83
        local.get 23
        local.get 47
        f32x4.mul
        f32x4.add
        local.set 83
        local.get 83
        local.get 24
        local.get 53
        f32x4.mul
        f32x4.add
        local.get 59
        f32x4.add
        local.set 83
        local.get 30
        local.get 36
        f32x4.add
        local.get 42
        f32x4.add
        local.get 48
        f32x4.add
        local.get 54
        f32x4.add
        local.set 66
        local.get 36
        local.get 42
        f32x4.sub
        local.set 72
        local.get 72
        local.get 21
        local.get 48
        local.get 54
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 72
        local.get 36
        local.get 42
        f32x4.add
        local.set 78
        local.get 78
        local.get 22
        local.get 48
        f32x4.mul
        f32x4.add
        local.set 78
        local.get 78
        local.get 22
        local.get 54
        f32x4.mul
        f32x4.add
        local.set 78
        local.get 36
        local.get 42
        f32x4.sub
        local.set 84
        local.get 84
        local.get 23
        local.get 48
        f32x4.mul
        f32x4.add
        local.set 84
        local.get 84
        local.get 24
        local.get 54
        f32x4.mul
        f32x4.add
        local.get 60
        f32x4.add
        local.set 84
        local.get 61
        local.get 62
        f32x4.add
        local.get 63
        f32x4.add
        local.get 64
        f32x4.add
        local.get 65
        f32x4.add
        local.set 85
        local.get 62
        local.get 63
        f32x4.sub
        local.set 86
        local.get 86
        local.get 21
        local.get 64
        local.get 65
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 86
        local.get 62
        local.get 63
        f32x4.add
        local.set 87
        local.get 87
        local.get 22
        local.get 64
        f32x4.mul
        f32x4.add
        local.set 87
        local.get 87
        local.get 22
        local.get 65
        f32x4.mul
        f32x4.add
        local.set 87
        local.get 62
        local.get 63
        f32x4.sub
        local.set 88
        local.get 88
        local.get 23
        local.get 64
        f32x4.mul
        f32x4.add
        local.set 88
        local.get 88
        local.get 24
        local.get 65
        f32x4.mul
        f32x4.add
        local.get 66
        f32x4.add
        local.set 88
        local.get 67
        local.get 68
        f32x4.add
        local.get 69
        f32x4.add
        local.get 70
        f32x4.add
        local.get 71
        f32x4.add
        local.set 89
        local.get 68
        local.get 69
        f32x4.sub
        local.set 90
        local.get 90
        local.get 21
        local.get 70
        local.get 71
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 90
        local.get 68
        local.get 69
        f32x4.add
        local.set 91
        local.get 91
        local.get 22
        local.get 70
        f32x4.mul
        f32x4.add
        local.set 91
        local.get 91
        local.get 22
        local.get 71
        f32x4.mul
        f32x4.add
        local.set 91
        local.get 68
        local.get 69
        f32x4.sub
        local.set 92
        local.get 92
        local.get 23
        local.get 70
        f32x4.mul
        f32x4.add
        local.set 92
        local.get 92
        local.get 24
        local.get 71
        f32x4.mul
        f32x4.add
        local.get 72
        f32x4.add
        local.set 92
        local.get 73
        local.get 74
        f32x4.add
        local.get 75
        f32x4.add
        local.get 76
        f32x4.add
        local.get 77
        f32x4.add
        local.set 93
        local.get 74
        local.get 75
        f32x4.sub
        local.set 94
        local.get 94
        local.get 21
        local.get 76
        local.get 77
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 94
        local.get 74
        local.get 75
        f32x4.add
        local.set 95
        local.get 95
        local.get 22
        local.get 76
        f32x4.mul
        f32x4.add
        local.set 95
        local.get 95
        local.get 22
        local.get 77
        f32x4.mul
        f32x4.add
        local.set 95
        local.get 74
        local.get 75
        f32x4.sub
        local.set 96
        local.get 96
        local.get 23
        local.get 76
        f32x4.mul
        f32x4.add
        local.set 96
        local.get 96
        local.get 24
        local.get 77
        f32x4.mul
        f32x4.add
        local.get 78
        f32x4.add
        local.set 96
        local.get 79
        local.get 80
        f32x4.add
        local.get 81
        f32x4.add
        local.get 82
        f32x4.add
        local.get 83
        f32x4.add
        local.set 97
        local.get 80
        local.get 81
        f32x4.sub
        local.set 98
        local.get 98
        local.get 21
        local.get 82
        local.get 83
        f32x4.sub
        f32x4.mul
        f32x4.add
        local.set 98
        local.get 80
        local.get 81
        f32x4.add
        local.set 99
        local.get 99
        local.get 22
        local.get 82
        f32x4.mul
        f32x4.add
        local.set 99
        local.get 99
        local.get 22
        local.get 83
        f32x4.mul
        f32x4.add
        local.set 99
        local.get 80
        local.get 81
        f32x4.sub
        local.set 100
        local.get 100
        local.get 23
        local.get 82
        f32x4.mul
        f32x4.add
        local.set 100
        local.get 100
        local.get 24
        local.get 83
        f32x4.mul
        f32x4.add
        local.get 84
        f32x4.add
        local.set 100
        local.get 13
        local.get 15
        i32.add
        local.get 85
        v128.store align=4
        i32.const 1
        local.get 20
        i32.lt_u
        if  ;; label = @3
          local.get 13
          local.get 15
          i32.add
          local.get 86
          v128.store offset=48 align=4
          i32.const 2
          local.get 20
          i32.lt_u
          if  ;; label = @4
            local.get 13
            local.get 15
            i32.add
            local.get 87
            v128.store offset=96 align=4
            i32.const 3
            local.get 20
            i32.lt_u
            if  ;; label = @5
              local.get 13
              local.get 15
              i32.add
              local.get 88
              v128.store offset=144 align=4
            end
          end
        end
        i32.const 1
        local.get 19
        i32.lt_u
        if  ;; label = @3
          local.get 13
          local.get 15
          i32.add
          local.get 17
          i32.const 1
          i32.mul
          i32.add
          local.get 89
          v128.store align=4
          i32.const 1
          local.get 20
          i32.lt_u
          if  ;; label = @4
            local.get 13
            local.get 15
            i32.add
            local.get 17
            i32.const 1
            i32.mul
            i32.add
            local.get 90
            v128.store offset=48 align=4
            i32.const 2
            local.get 20
            i32.lt_u
            if  ;; label = @5
              local.get 13
              local.get 15
              i32.add
              local.get 17
              i32.const 1
              i32.mul
              i32.add
              local.get 91
              v128.store offset=96 align=4
              i32.const 3
              local.get 20
              i32.lt_u
              if  ;; label = @6
                local.get 13
                local.get 15
                i32.add
                local.get 17
                i32.const 1
                i32.mul
                i32.add
                local.get 92
                v128.store offset=144 align=4
              end
            end
          end
        end
        i32.const 2
        local.get 19
        i32.lt_u
        if  ;; label = @3
          local.get 13
          local.get 15
          i32.add
          local.get 17
          i32.const 2
          i32.mul
          i32.add
          local.get 93
          v128.store align=4
          i32.const 1
          local.get 20
          i32.lt_u
          if  ;; label = @4
            local.get 13
            local.get 15
            i32.add
            local.get 17
            i32.const 2
            i32.mul
            i32.add
            local.get 94
            v128.store offset=48 align=4
            i32.const 2
            local.get 20
            i32.lt_u
            if  ;; label = @5
              local.get 13
              local.get 15
              i32.add
              local.get 17
              i32.const 2
              i32.mul
              i32.add
              local.get 95
              v128.store offset=96 align=4
              i32.const 3
              local.get 20
              i32.lt_u
              if  ;; label = @6
                local.get 13
                local.get 15
                i32.add
                local.get 17
                i32.const 2
                i32.mul
                i32.add
                local.get 96
                v128.store offset=144 align=4
              end
            end
          end
        end
        i32.const 3
        local.get 19
        i32.lt_u
        if  ;; label = @3
          local.get 13
          local.get 15
          i32.add
          local.get 17
          i32.const 3
          i32.mul
          i32.add
          local.get 97
          v128.store align=4
          i32.const 1
          local.get 20
          i32.lt_u
          if  ;; label = @4
            local.get 13
            local.get 15
            i32.add
            local.get 17
            i32.const 3
            i32.mul
            i32.add
            local.get 98
            v128.store offset=48 align=4
            i32.const 2
            local.get 20
            i32.lt_u
            if  ;; label = @5
              local.get 13
              local.get 15
              i32.add
              local.get 17
              i32.const 3
              i32.mul
              i32.add
              local.get 99
              v128.store offset=96 align=4
              i32.const 3
              local.get 20
              i32.lt_u
              if  ;; label = @6
                local.get 13
                local.get 15
                i32.add
                local.get 17
                i32.const 3
                i32.mul
                i32.add
                local.get 100
                v128.store offset=144 align=4
              end
            end
          end
        end
        local.get 15
        i32.const 16
        i32.add
        local.tee 15
        i32.const 48
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 11
      i32.const 1
      i32.add
      local.tee 11
      local.get 3
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (func (;3;) (type 3) (param i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
    local.get 7
    i32.const 48
    i32.mul
    local.set 14
    local.get 6
    local.get 14
    i32.mul
    local.set 15
    v128.const i32x4 0x40000000 0x40000000 0x40000000 0x40000000
    local.set 18
    v128.const i32x4 0x40800000 0x40800000 0x40800000 0x40800000
    local.set 19
    v128.const i32x4 0x41000000 0x41000000 0x41000000 0x41000000
    local.set 20
    v128.const i32x4 0xc0000000 0xc0000000 0xc0000000 0xc0000000
    local.set 21
    v128.const i32x4 0xc1000000 0xc1000000 0xc1000000 0xc1000000
    local.set 22
    i32.const 0
    local.set 8
    loop  ;; label = @1
      local.get 1
      local.get 8
      i32.const 48
      i32.mul
      i32.add
      local.set 13
      local.get 8
      local.get 3
      i32.lt_u
      if  ;; label = @2
        local.get 2
        local.get 8
        i32.add
        local.set 9
        local.get 0
        local.set 10
        local.get 10
        local.get 9
        local.get 5
        i32.div_u
        local.get 15
        i32.mul
        i32.add
        local.set 10
        local.get 9
        local.get 5
        i32.rem_u
        local.set 11
        local.get 10
        local.get 11
        local.get 4
        i32.div_u
        i32.const 4
        i32.mul
        local.get 14
        i32.mul
        i32.add
        local.get 11
        local.get 4
        i32.rem_u
        i32.const 192
        i32.mul
        i32.add
        local.set 10
        local.get 6
        local.get 9
        local.get 5
        i32.rem_u
        local.get 4
        i32.div_u
        i32.const 4
        i32.mul
        i32.sub
        local.set 16
        local.get 7
        local.get 9
        local.get 5
        i32.rem_u
        local.get 4
        i32.rem_u
        i32.const 4
        i32.mul
        i32.sub
        local.set 17
        i32.const 0
        local.set 12
        loop  ;; label = @3
          local.get 10
          local.get 12
          i32.add
          v128.load align=4
          local.set 23
          i32.const 1
          local.get 17
          i32.lt_u
          if  ;; label = @4
            local.get 10
            local.get 12
            i32.add
            v128.load offset=48 align=4
            local.set 24
            i32.const 2
            local.get 17
            i32.lt_u
            if  ;; label = @5
              local.get 10
              local.get 12
              i32.add
              v128.load offset=96 align=4
              local.set 25
              i32.const 3
              local.get 17
              i32.lt_u
              if  ;; label = @6
                local.get 10
                local.get 12
                i32.add
                v128.load offset=144 align=4
                local.set 26
              else
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set 26
              end
            else
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set 25
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set 26
            end
          else
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 24
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 25
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 26
          end
          i32.const 1
          local.get 16
          i32.lt_u
          if  ;; label = @4
            local.get 10
            local.get 12
            i32.add
            local.get 14
            i32.const 1
            i32.mul
            i32.add
            v128.load align=4
            local.set 27
            i32.const 1
            local.get 17
            i32.lt_u
            if  ;; label = @5
              local.get 10
              local.get 12
              i32.add
              local.get 14
              i32.const 1
              i32.mul
              i32.add
              v128.load offset=48 align=4
              local.set 28
              i32.const 2
              local.get 17
              i32.lt_u
              if  ;; label = @6
                local.get 10
                local.get 12
                i32.add
                local.get 14
                i32.const 1
                i32.mul
                i32.add
                v128.load offset=96 align=4
                local.set 29
                i32.const 3
                local.get 17
                i32.lt_u
                if  ;; label = @7
                  local.get 10
                  local.get 12
                  i32.add
                  local.get 14
                  i32.const 1
                  i32.mul
                  i32.add
                  v128.load offset=144 align=4
                  local.set 30
                else
                  v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                  local.set 30
                end
              else
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set 29
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set 30
              end
            else
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set 28
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set 29
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set 30
            end
          else
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 27
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 28
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 29
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 30
          end
          i32.const 2
          local.get 16
          i32.lt_u
          if  ;; label = @4
            local.get 10
            local.get 12
            i32.add
            local.get 14
            i32.const 2
            i32.mul
            i32.add
            v128.load align=4
            local.set 31
            i32.const 1
            local.get 17
            i32.lt_u
            if  ;; label = @5
              local.get 10
              local.get 12
              i32.add
              local.get 14
              i32.const 2
              i32.mul
              i32.add
              v128.load offset=48 align=4
              local.set 32
              i32.const 2
              local.get 17
              i32.lt_u
              if  ;; label = @6
                local.get 10
                local.get 12
                i32.add
                local.get 14
                i32.const 2
                i32.mul
                i32.add
                v128.load offset=96 align=4
                local.set 33
                i32.const 3
                local.get 17
                i32.lt_u
                if  ;; label = @7
                  local.get 10
                  local.get 12
                  i32.add
                  local.get 14
                  i32.const 2
                  i32.mul
                  i32.add
                  v128.load offset=144 align=4
                  local.set 34
                else
                  v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                  local.set 34
                end
              else
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set 33
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set 34
              end
            else
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set 32
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set 33
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set 34
            end
          else
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 31
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 32
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 33
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 34
          end
          i32.const 3
          local.get 16
          i32.lt_u
          if  ;; label = @4
            local.get 10
            local.get 12
            i32.add
            local.get 14
            i32.const 3
            i32.mul
            i32.add
            v128.load align=4
            local.set 35
            i32.const 1
            local.get 17
            i32.lt_u
            if  ;; label = @5
              local.get 10
              local.get 12
              i32.add
              local.get 14
              i32.const 3
              i32.mul
              i32.add
              v128.load offset=48 align=4
              local.set 36
              i32.const 2
              local.get 17
              i32.lt_u
              if  ;; label = @6
                local.get 10
                local.get 12
                i32.add
                local.get 14
                i32.const 3
                i32.mul
                i32.add
                v128.load offset=96 align=4
                local.set 37
                i32.const 3
                local.get 17
                i32.lt_u
                if  ;; label = @7
                  local.get 10
                  local.get 12
                  i32.add
                  local.get 14
                  i32.const 3
                  i32.mul
                  i32.add
                  v128.load offset=144 align=4
                  local.set 38
                else
                  v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                  local.set 38
                end
              else
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set 37
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set 38
              end
            else
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set 36
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set 37
              v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
              local.set 38
            end
          else
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 35
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 36
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 37
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set 38
          end
          local.get 23
          local.set 39
          local.get 23
          local.get 27
          f32x4.add
          local.get 31
          f32x4.add
          local.get 35
          f32x4.add
          local.set 43
          local.get 23
          local.get 27
          f32x4.sub
          local.get 31
          local.get 35
          f32x4.sub
          f32x4.add
          local.set 47
          local.get 23
          local.set 51
          local.get 51
          local.get 18
          local.get 27
          f32x4.mul
          f32x4.add
          local.set 51
          local.get 51
          local.get 19
          local.get 31
          f32x4.mul
          f32x4.add
          local.set 51
          local.get 51
          local.get 20
          local.get 35
          f32x4.mul
          f32x4.add
          local.set 51
          local.get 23
          local.set 55
          local.get 55
          local.get 21
          local.get 27
          f32x4.mul
          f32x4.add
          local.set 55
          local.get 55
          local.get 19
          local.get 31
          f32x4.mul
          f32x4.add
          local.set 55
          local.get 55
          local.get 22
          local.get 35
          f32x4.mul
          f32x4.add
          local.set 55
          local.get 35
          local.set 59
          local.get 24
          local.set 40
          local.get 24
          local.get 28
          f32x4.add
          local.get 32
          f32x4.add
          local.get 36
          f32x4.add
          local.set 44
          local.get 24
          local.get 28
          f32x4.sub
          local.get 32
          local.get 36
          f32x4.sub
          f32x4.add
          local.set 48
          local.get 24
          local.set 52
          local.get 52
          local.get 18
          local.get 28
          f32x4.mul
          f32x4.add
          local.set 52
          local.get 52
          local.get 19
          local.get 32
          f32x4.mul
          f32x4.add
          local.set 52
          local.get 52
          local.get 20
          local.get 36
          f32x4.mul
          f32x4.add
          local.set 52
          local.get 24
          local.set 56
          local.get 56
          local.get 21
          local.get 28
          f32x4.mul
          f32x4.add
          local.set 56
          local.get 56
          local.get 19
          local.get 32
          f32x4.mul
          f32x4.add
          local.set 56
          local.get 56
          local.get 22
          local.get 36
          f32x4.mul
          f32x4.add
          local.set 56
          local.get 36
          local.set 60
          local.get 25
          local.set 41
          local.get 25
          local.get 29
          f32x4.add
          local.get 33
          f32x4.add
          local.get 37
          f32x4.add
          local.set 45
          local.get 25
          local.get 29
          f32x4.sub
          local.get 33
          local.get 37
          f32x4.sub
          f32x4.add
          local.set 49
          local.get 25
          local.set 53
          local.get 53
          local.get 18
          local.get 29
          f32x4.mul
          f32x4.add
          local.set 53
          local.get 53
          local.get 19
          local.get 33
          f32x4.mul
          f32x4.add
          local.set 53
          local.get 53
          local.get 20
          local.get 37
          f32x4.mul
          f32x4.add
          local.set 53
          local.get 25
          local.set 57
          local.get 57
          local.get 21
          local.get 29
          f32x4.mul
          f32x4.add
          local.set 57
          local.get 57
          local.get 19
          local.get 33
          f32x4.mul
          f32x4.add
          local.set 57
          local.get 57
          local.get 22
          local.get 37
          f32x4.mul
          f32x4.add
          local.set 57
          local.get 37
          local.set 61
          local.get 26
          local.set 42
          local.get 26
          local.get 30
          f32x4.add
          local.get 34
          f32x4.add
          local.get 38
          f32x4.add
          local.set 46
          local.get 26
          local.get 30
          f32x4.sub
          local.get 34
          local.get 38
          f32x4.sub
          f32x4.add
          local.set 50
          local.get 26
          local.set 54
          local.get 54
          local.get 18
          local.get 30
          f32x4.mul
          f32x4.add
          local.set 54
          local.get 54
          local.get 19
          local.get 34
          f32x4.mul
          f32x4.add
          local.set 54
          local.get 54
          local.get 20
          local.get 38
          f32x4.mul
          f32x4.add
          local.set 54
          local.get 26
          local.set 58
          local.get 58
          local.get 21
          local.get 30
          f32x4.mul
          f32x4.add
          local.set 58
          local.get 58
          local.get 19
          local.get 34
          f32x4.mul
          f32x4.add
          local.set 58
          local.get 58
          local.get 22
          local.get 38
          f32x4.mul
          f32x4.add
          local.set 58
          local.get 38
          local.set 62
          local.get 39
          local.set 63
          local.get 39
          local.get 40
          f32x4.add
          local.get 41
          f32x4.add
          local.get 42
          f32x4.add
          local.set 64
          local.get 39
          local.get 40
          f32x4.sub
          local.get 41
          local.get 42
          f32x4.sub
          f32x4.add
          local.set 65
          local.get 39
          local.set 66
          local.get 66
          local.get 18
          local.get 40
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 19
          local.get 41
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 20
          local.get 42
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 39
          local.set 67
          local.get 67
          local.get 21
          local.get 40
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 19
          local.get 41
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 22
          local.get 42
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 42
          local.set 68
          local.get 13
          local.get 12
          i32.add
          local.get 63
          v128.store align=4
          local.get 13
          local.get 12
          i32.add
          local.get 64
          v128.store offset=256 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 65
          v128.store offset=512 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 66
          v128.store offset=768 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 67
          v128.store offset=1024 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 68
          v128.store offset=1280 align=4
          local.get 43
          local.set 63
          local.get 43
          local.get 44
          f32x4.add
          local.get 45
          f32x4.add
          local.get 46
          f32x4.add
          local.set 64
          local.get 43
          local.get 44
          f32x4.sub
          local.get 45
          local.get 46
          f32x4.sub
          f32x4.add
          local.set 65
          local.get 43
          local.set 66
          local.get 66
          local.get 18
          local.get 44
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 19
          local.get 45
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 20
          local.get 46
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 43
          local.set 67
          local.get 67
          local.get 21
          local.get 44
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 19
          local.get 45
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 22
          local.get 46
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 46
          local.set 68
          local.get 13
          local.get 12
          i32.add
          local.get 63
          v128.store offset=1536 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 64
          v128.store offset=1792 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 65
          v128.store offset=2048 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 66
          v128.store offset=2304 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 67
          v128.store offset=2560 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 68
          v128.store offset=2816 align=4
          local.get 47
          local.set 63
          local.get 47
          local.get 48
          f32x4.add
          local.get 49
          f32x4.add
          local.get 50
          f32x4.add
          local.set 64
          local.get 47
          local.get 48
          f32x4.sub
          local.get 49
          local.get 50
          f32x4.sub
          f32x4.add
          local.set 65
          local.get 47
          local.set 66
          local.get 66
          local.get 18
          local.get 48
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 19
          local.get 49
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 20
          local.get 50
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 47
          local.set 67
          local.get 67
          local.get 21
          local.get 48
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 19
          local.get 49
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 22
          local.get 50
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 50
          local.set 68
          local.get 13
          local.get 12
          i32.add
          local.get 63
          v128.store offset=3072 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 64
          v128.store offset=3328 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 65
          v128.store offset=3584 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 66
          v128.store offset=3840 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 67
          v128.store offset=4096 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 68
          v128.store offset=4352 align=4
          local.get 51
          local.set 63
          local.get 51
          local.get 52
          f32x4.add
          local.get 53
          f32x4.add
          local.get 54
          f32x4.add
          local.set 64
          local.get 51
          local.get 52
          f32x4.sub
          local.get 53
          local.get 54
          f32x4.sub
          f32x4.add
          local.set 65
          local.get 51
          local.set 66
          local.get 66
          local.get 18
          local.get 52
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 19
          local.get 53
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 20
          local.get 54
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 51
          local.set 67
          local.get 67
          local.get 21
          local.get 52
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 19
          local.get 53
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 22
          local.get 54
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 54
          local.set 68
          local.get 13
          local.get 12
          i32.add
          local.get 63
          v128.store offset=4608 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 64
          v128.store offset=4864 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 65
          v128.store offset=5120 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 66
          v128.store offset=5376 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 67
          v128.store offset=5632 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 68
          v128.store offset=5888 align=4
          local.get 55
          local.set 63
          local.get 55
          local.get 56
          f32x4.add
          local.get 57
          f32x4.add
          local.get 58
          f32x4.add
          local.set 64
          local.get 55
          local.get 56
          f32x4.sub
          local.get 57
          local.get 58
          f32x4.sub
          f32x4.add
          local.set 65
          local.get 55
          local.set 66
          local.get 66
          local.get 18
          local.get 56
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 19
          local.get 57
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 20
          local.get 58
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 55
          local.set 67
          local.get 67
          local.get 21
          local.get 56
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 19
          local.get 57
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 22
          local.get 58
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 58
          local.set 68
          local.get 13
          local.get 12
          i32.add
          local.get 63
          v128.store offset=6144 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 64
          v128.store offset=6400 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 65
          v128.store offset=6656 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 66
          v128.store offset=6912 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 67
          v128.store offset=7168 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 68
          v128.store offset=7424 align=4
          local.get 59
          local.set 63
          local.get 59
          local.get 60
          f32x4.add
          local.get 61
          f32x4.add
          local.get 62
          f32x4.add
          local.set 64
          local.get 59
          local.get 60
          f32x4.sub
          local.get 61
          local.get 62
          f32x4.sub
          f32x4.add
          local.set 65
          local.get 59
          local.set 66
          local.get 66
          local.get 18
          local.get 60
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 19
          local.get 61
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 66
          local.get 20
          local.get 62
          f32x4.mul
          f32x4.add
          local.set 66
          local.get 59
          local.set 67
          local.get 67
          local.get 21
          local.get 60
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 19
          local.get 61
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 67
          local.get 22
          local.get 62
          f32x4.mul
          f32x4.add
          local.set 67
          local.get 62
          local.set 68
          local.get 13
          local.get 12
          i32.add
          local.get 63
          v128.store offset=7680 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 64
          v128.store offset=7936 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 65
          v128.store offset=8192 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 66
          v128.store offset=8448 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 67
          v128.store offset=8704 align=4
          local.get 13
          local.get 12
          i32.add
          local.get 68
          v128.store offset=8960 align=4
          local.get 12
          i32.const 16
          i32.add
          local.tee 12
          i32.const 48
          i32.lt_u
          br_if 0 (;@3;)
        end
      else
        i32.const 0
        local.set 12
        loop  ;; label = @3
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=256 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=512 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=768 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=1024 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=1280 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=1536 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=1792 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=2048 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=2304 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=2560 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=2816 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=3072 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=3328 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=3584 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=3840 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=4096 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=4352 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=4608 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=4864 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=5120 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=5376 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=5632 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=5888 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=6144 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=6400 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=6656 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=6912 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=7168 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=7424 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=7680 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=7936 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=8192 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=8448 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=8704 align=4
          local.get 13
          local.get 12
          i32.add
          v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
          v128.store offset=8960 align=4
          local.get 12
          i32.const 16
          i32.add
          local.tee 12
          i32.const 48
          i32.lt_u
          br_if 0 (;@3;)
        end
      end
      local.get 8
      i32.const 1
      i32.add
      local.tee 8
      i32.const 4
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (func (;4;) (type 4) (param i32 i32 i32)
    (local i32 i32 i32 i32 i32 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
    local.get 2
    i32.const 48
    i32.mul
    local.set 7
    i32.const 0
    local.set 3
    loop  ;; label = @1
      i32.const 0
      local.set 4
      loop  ;; label = @2
        local.get 0
        local.get 3
        i32.const 48
        i32.mul
        i32.add
        local.get 4
        i32.add
        local.set 5
        local.get 5
        v128.load64_zero
        f64x2.promote_low_f32x4
        local.set 8
        local.get 5
        local.get 7
        i32.const 1
        i32.mul
        i32.add
        v128.load64_zero
        f64x2.promote_low_f32x4
        local.set 9
        local.get 5
        local.get 7
        i32.const 2
        i32.mul
        i32.add
        v128.load64_zero
        f64x2.promote_low_f32x4
        local.set 10
        local.get 5
        local.get 7
        i32.const 3
        i32.mul
        i32.add
        v128.load64_zero
        f64x2.promote_low_f32x4
        local.set 11
        local.get 5
        local.get 7
        i32.const 4
        i32.mul
        i32.add
        v128.load64_zero
        f64x2.promote_low_f32x4
        local.set 12
        local.get 5
        local.get 7
        i32.const 5
        i32.mul
        i32.add
        v128.load64_zero
        f64x2.promote_low_f32x4
        local.set 13
        local.get 5
        local.get 7
        i32.const 6
        i32.mul
        i32.add
        v128.load64_zero
        f64x2.promote_low_f32x4
        local.set 14
        local.get 5
        local.get 7
        i32.const 7
        i32.mul
        i32.add
        v128.load64_zero
        f64x2.promote_low_f32x4
        local.set 15
        local.get 5
        local.get 7
        i32.const 8
        i32.mul
        i32.add
        v128.load64_zero
        f64x2.promote_low_f32x4
        local.set 16
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 8
        v128.const i32x4 0x00000000 0x3fd00000 0x00000000 0x3fd00000
        f64x2.mul
        f64x2.add
        local.set 17
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 9
        v128.const i32x4 0x00000000 0x3fd00000 0x00000000 0x3fd00000
        f64x2.mul
        f64x2.add
        local.set 18
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 10
        v128.const i32x4 0x00000000 0x3fd00000 0x00000000 0x3fd00000
        f64x2.mul
        f64x2.add
        local.set 19
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 8
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 11
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 14
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.set 20
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 9
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 12
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 15
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.set 21
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 10
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 13
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 16
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.set 22
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 8
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 11
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 14
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.set 23
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 9
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 12
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 15
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.set 24
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 10
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 13
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 16
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.set 25
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 8
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 11
        v128.const i32x4 0x55555555 0x3fb55555 0x55555555 0x3fb55555
        f64x2.mul
        f64x2.add
        local.get 14
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.set 26
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 9
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 12
        v128.const i32x4 0x55555555 0x3fb55555 0x55555555 0x3fb55555
        f64x2.mul
        f64x2.add
        local.get 15
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.set 27
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 10
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 13
        v128.const i32x4 0x55555555 0x3fb55555 0x55555555 0x3fb55555
        f64x2.mul
        f64x2.add
        local.get 16
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.set 28
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 8
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 11
        v128.const i32x4 0x55555555 0xbfb55555 0x55555555 0xbfb55555
        f64x2.mul
        f64x2.add
        local.get 14
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.set 29
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 9
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 12
        v128.const i32x4 0x55555555 0xbfb55555 0x55555555 0xbfb55555
        f64x2.mul
        f64x2.add
        local.get 15
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.set 30
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 10
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 13
        v128.const i32x4 0x55555555 0xbfb55555 0x55555555 0xbfb55555
        f64x2.mul
        f64x2.add
        local.get 16
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.set 31
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 14
        f64x2.add
        local.set 32
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 15
        f64x2.add
        local.set 33
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 16
        f64x2.add
        local.set 34
        local.get 1
        local.get 3
        i32.const 48
        i32.mul
        i32.add
        local.get 4
        i32.add
        local.set 6
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 17
        v128.const i32x4 0x00000000 0x3fd00000 0x00000000 0x3fd00000
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 17
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 18
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 19
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=192 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 17
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 18
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 19
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=384 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 17
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 18
        v128.const i32x4 0x55555555 0x3fb55555 0x55555555 0x3fb55555
        f64x2.mul
        f64x2.add
        local.get 19
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=576 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 17
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 18
        v128.const i32x4 0x55555555 0xbfb55555 0x55555555 0xbfb55555
        f64x2.mul
        f64x2.add
        local.get 19
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=768 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 19
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=960 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 20
        v128.const i32x4 0x00000000 0x3fd00000 0x00000000 0x3fd00000
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=1152 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 20
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 21
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 22
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=1344 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 20
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 21
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 22
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=1536 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 20
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 21
        v128.const i32x4 0x55555555 0x3fb55555 0x55555555 0x3fb55555
        f64x2.mul
        f64x2.add
        local.get 22
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=1728 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 20
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 21
        v128.const i32x4 0x55555555 0xbfb55555 0x55555555 0xbfb55555
        f64x2.mul
        f64x2.add
        local.get 22
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=1920 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 22
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=2112 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 23
        v128.const i32x4 0x00000000 0x3fd00000 0x00000000 0x3fd00000
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=2304 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 23
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 24
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 25
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=2496 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 23
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 24
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 25
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=2688 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 23
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 24
        v128.const i32x4 0x55555555 0x3fb55555 0x55555555 0x3fb55555
        f64x2.mul
        f64x2.add
        local.get 25
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=2880 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 23
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 24
        v128.const i32x4 0x55555555 0xbfb55555 0x55555555 0xbfb55555
        f64x2.mul
        f64x2.add
        local.get 25
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=3072 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 25
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=3264 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 26
        v128.const i32x4 0x00000000 0x3fd00000 0x00000000 0x3fd00000
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=3456 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 26
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 27
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 28
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=3648 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 26
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 27
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 28
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=3840 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 26
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 27
        v128.const i32x4 0x55555555 0x3fb55555 0x55555555 0x3fb55555
        f64x2.mul
        f64x2.add
        local.get 28
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=4032 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 26
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 27
        v128.const i32x4 0x55555555 0xbfb55555 0x55555555 0xbfb55555
        f64x2.mul
        f64x2.add
        local.get 28
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=4224 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 28
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=4416 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 29
        v128.const i32x4 0x00000000 0x3fd00000 0x00000000 0x3fd00000
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=4608 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 29
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 30
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 31
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=4800 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 29
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 30
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 31
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=4992 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 29
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 30
        v128.const i32x4 0x55555555 0x3fb55555 0x55555555 0x3fb55555
        f64x2.mul
        f64x2.add
        local.get 31
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=5184 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 29
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 30
        v128.const i32x4 0x55555555 0xbfb55555 0x55555555 0xbfb55555
        f64x2.mul
        f64x2.add
        local.get 31
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=5376 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 31
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=5568 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 32
        v128.const i32x4 0x00000000 0x3fd00000 0x00000000 0x3fd00000
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=5760 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 32
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 33
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 34
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=5952 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 32
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 33
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 34
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=6144 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 32
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 33
        v128.const i32x4 0x55555555 0x3fb55555 0x55555555 0x3fb55555
        f64x2.mul
        f64x2.add
        local.get 34
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=6336 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 32
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 33
        v128.const i32x4 0x55555555 0xbfb55555 0x55555555 0xbfb55555
        f64x2.mul
        f64x2.add
        local.get 34
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=6528 0
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 34
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane offset=6720 0
        local.get 4
        i32.const 8
        i32.add
        local.tee 4
        i32.const 48
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 3
      i32.const 1
      i32.add
      local.tee 3
      local.get 2
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (func (;5;) (type 5) (param i32 i32 i32)
    (local i32 i32 i32 i32 i32)
    local.get 2
    i32.const 48
    i32.mul
    local.set 7
    i32.const 0
    local.set 3
    loop  ;; label = @1
      i32.const 0
      local.set 4
      loop  ;; label = @2
        local.get 0
        local.get 3
        i32.const 48
        i32.mul
        i32.add
        local.get 4
        i32.add
        local.set 5
        local.get 1
        local.get 3
        i32.const 48
        i32.mul
        i32.add
        local.get 4
        i32.add
        local.set 6
        local.get 6
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 5
        v128.load64_zero
        f64x2.promote_low_f32x4
        v128.const i32x4 0x00000000 0x3fb00000 0x00000000 0x3fb00000
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=192
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfa55555 0x55555555 0xbfa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=384
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfa55555 0x55555555 0xbfa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=576
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3f855555 0x55555555 0x3f855555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=768
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3f855555 0x55555555 0x3f855555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1152
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfa55555 0x55555555 0xbfa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1344
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1536
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1728
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1920
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2304
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfa55555 0x55555555 0xbfa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2496
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2688
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2880
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3072
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3456
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3f855555 0x55555555 0x3f855555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3648
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3840
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4032
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f5c71c7 0x1c71c71c 0x3f5c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4224
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f5c71c7 0x1c71c71c 0x3f5c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4608
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3f855555 0x55555555 0x3f855555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4800
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4992
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5184
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f5c71c7 0x1c71c71c 0x3f5c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5376
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f5c71c7 0x1c71c71c 0x3f5c71c7
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane 0
        local.get 6
        local.get 7
        i32.const 1
        i32.mul
        i32.add
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 5
        v128.load64_zero offset=192
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfa55555 0x55555555 0xbfa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=384
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=576
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3f955555 0x55555555 0x3f955555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=768
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbf955555 0x55555555 0xbf955555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1344
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1536
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1728
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1920
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2496
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2688
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2880
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3072
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3648
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3840
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4032
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f6c71c7 0x1c71c71c 0x3f6c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4224
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf6c71c7 0x1c71c71c 0xbf6c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4800
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4992
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5184
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f6c71c7 0x1c71c71c 0x3f6c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5376
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf6c71c7 0x1c71c71c 0xbf6c71c7
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane 0
        local.get 6
        local.get 7
        i32.const 2
        i32.mul
        i32.add
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 5
        v128.load64_zero offset=192
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfa55555 0x55555555 0xbfa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=384
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfa55555 0x55555555 0xbfa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=576
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=768
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=960
        f64x2.promote_low_f32x4
        v128.const i32x4 0x00000000 0x3fd00000 0x00000000 0x3fd00000
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1344
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1536
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1728
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1920
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2112
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2496
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2688
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2880
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3072
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3264
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3648
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3840
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4032
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4224
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4416
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4800
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4992
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5184
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5376
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5568
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane 0
        local.get 6
        local.get 7
        i32.const 3
        i32.mul
        i32.add
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 5
        v128.load64_zero offset=1152
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfa55555 0x55555555 0xbfa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1344
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1536
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1728
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1920
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2304
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2496
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2688
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2880
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3072
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3456
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3f955555 0x55555555 0x3f955555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3648
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3840
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4032
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f6c71c7 0x1c71c71c 0x3f6c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4224
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f6c71c7 0x1c71c71c 0x3f6c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4608
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbf955555 0x55555555 0xbf955555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4800
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4992
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5184
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf6c71c7 0x1c71c71c 0xbf6c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5376
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf6c71c7 0x1c71c71c 0xbf6c71c7
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane 0
        local.get 6
        local.get 7
        i32.const 4
        i32.mul
        i32.add
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 5
        v128.load64_zero offset=1344
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1536
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1728
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1920
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2496
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2688
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2880
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3072
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3648
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3840
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4032
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4224
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4800
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4992
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5184
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5376
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane 0
        local.get 6
        local.get 7
        i32.const 5
        i32.mul
        i32.add
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 5
        v128.load64_zero offset=1344
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1536
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1728
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1920
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2112
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2496
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2688
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2880
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3072
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3264
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3648
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3840
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4032
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4224
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4416
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fb55555 0x55555555 0x3fb55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4800
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4992
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5184
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5376
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5568
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfb55555 0x55555555 0xbfb55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane 0
        local.get 6
        local.get 7
        i32.const 6
        i32.mul
        i32.add
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 5
        v128.load64_zero offset=1152
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfa55555 0x55555555 0xbfa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1344
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1536
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1728
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1920
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2304
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfa55555 0x55555555 0xbfa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2496
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2688
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2880
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3072
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf7c71c7 0x1c71c71c 0xbf7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3456
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3648
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3840
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4032
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4224
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4608
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4800
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4992
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5184
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5376
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f7c71c7 0x1c71c71c 0x3f7c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5760
        f64x2.promote_low_f32x4
        v128.const i32x4 0x00000000 0x3fd00000 0x00000000 0x3fd00000
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5952
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=6144
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=6336
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=6528
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fa55555 0x55555555 0x3fa55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane 0
        local.get 6
        local.get 7
        i32.const 7
        i32.mul
        i32.add
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 5
        v128.load64_zero offset=1344
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1536
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1728
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1920
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2496
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2688
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2880
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3072
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3648
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3840
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4032
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4224
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4800
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4992
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5184
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f8c71c7 0x1c71c71c 0x3f8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5376
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf8c71c7 0x1c71c71c 0xbf8c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5952
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=6144
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=6336
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fb55555 0x55555555 0x3fb55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=6528
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfb55555 0x55555555 0xbfb55555
        f64x2.mul
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane 0
        local.get 6
        local.get 7
        i32.const 8
        i32.mul
        i32.add
        v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
        local.get 5
        v128.load64_zero offset=1344
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1536
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1728
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=1920
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2112
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2496
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2688
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=2880
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3072
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3264
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3648
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=3840
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4032
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4224
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4416
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4800
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=4992
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0xbf9c71c7 0x1c71c71c 0xbf9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5184
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5376
        f64x2.promote_low_f32x4
        v128.const i32x4 0x1c71c71c 0x3f9c71c7 0x1c71c71c 0x3f9c71c7
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5568
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=5952
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=6144
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0xbfc55555 0x55555555 0xbfc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=6336
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=6528
        f64x2.promote_low_f32x4
        v128.const i32x4 0x55555555 0x3fc55555 0x55555555 0x3fc55555
        f64x2.mul
        f64x2.add
        local.get 5
        v128.load64_zero offset=6720
        f64x2.promote_low_f32x4
        f64x2.add
        f32x4.demote_f64x2_zero
        v128.store64_lane 0
        local.get 4
        i32.const 8
        i32.add
        local.tee 4
        i32.const 48
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 3
      i32.const 1
      i32.add
      local.tee 3
      local.get 2
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (func (;6;) (type 6) (param i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
    i32.const 0
    local.set 3
    loop  ;; label = @1
      local.get 0
      local.get 3
      i32.const 128
      i32.mul
      i32.add
      local.set 4
      local.get 1
      local.get 3
      i32.const 256
      i32.mul
      i32.add
      local.set 5
      local.get 2
      local.get 3
      i32.const 192
      i32.mul
      i32.add
      local.set 6
      i32.const 0
      local.set 7
      loop  ;; label = @2
        i32.const 0
        local.set 8
        loop  ;; label = @3
          i32.const 12
          local.get 8
          i32.sub
          i32.const 8
          i32.ge_u
          if  ;; label = @4
            local.get 6
            local.get 7
            i32.const 48
            i32.mul
            i32.add
            local.get 8
            i32.const 4
            i32.mul
            i32.add
            local.set 12
            local.get 12
            v128.load align=4
            local.set 13
            local.get 12
            v128.load offset=16 align=4
            local.set 14
            local.get 12
            v128.load offset=48 align=4
            local.set 15
            local.get 12
            v128.load offset=64 align=4
            local.set 16
            local.get 12
            v128.load offset=96 align=4
            local.set 17
            local.get 12
            v128.load offset=112 align=4
            local.set 18
            local.get 12
            v128.load offset=144 align=4
            local.set 19
            local.get 12
            v128.load offset=160 align=4
            local.set 20
            local.get 4
            local.get 7
            i32.const 4
            i32.mul
            i32.add
            local.set 9
            local.get 5
            local.get 8
            i32.const 4
            i32.mul
            i32.add
            local.tee 10
            i32.const 192
            i32.add
            local.set 11
            loop  ;; label = @5
              local.get 10
              v128.load align=4
              local.set 21
              local.get 10
              v128.load offset=16 align=4
              local.set 22
              local.get 9
              v128.load32_splat
              local.set 23
              local.get 13
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 13
              local.get 14
              local.get 23
              local.get 22
              f32x4.mul
              f32x4.add
              local.set 14
              local.get 9
              v128.load32_splat offset=4
              local.set 23
              local.get 15
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 15
              local.get 16
              local.get 23
              local.get 22
              f32x4.mul
              f32x4.add
              local.set 16
              local.get 9
              v128.load32_splat offset=8
              local.set 23
              local.get 17
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 17
              local.get 18
              local.get 23
              local.get 22
              f32x4.mul
              f32x4.add
              local.set 18
              local.get 9
              v128.load32_splat offset=12
              local.set 23
              local.get 19
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 19
              local.get 20
              local.get 23
              local.get 22
              f32x4.mul
              f32x4.add
              local.set 20
              local.get 9
              i32.const 16
              i32.add
              local.set 9
              local.get 10
              i32.const 48
              i32.add
              local.tee 10
              local.get 11
              i32.lt_u
              br_if 0 (;@5;)
            end
            local.get 12
            local.get 13
            v128.store align=4
            local.get 12
            local.get 14
            v128.store offset=16 align=4
            local.get 12
            local.get 15
            v128.store offset=48 align=4
            local.get 12
            local.get 16
            v128.store offset=64 align=4
            local.get 12
            local.get 17
            v128.store offset=96 align=4
            local.get 12
            local.get 18
            v128.store offset=112 align=4
            local.get 12
            local.get 19
            v128.store offset=144 align=4
            local.get 12
            local.get 20
            v128.store offset=160 align=4
            local.get 8
            i32.const 8
            i32.add
            local.set 8
          else
            local.get 6
            local.get 7
            i32.const 48
            i32.mul
            i32.add
            local.get 8
            i32.const 4
            i32.mul
            i32.add
            local.set 12
            local.get 12
            v128.load align=4
            local.set 13
            local.get 12
            v128.load offset=48 align=4
            local.set 15
            local.get 12
            v128.load offset=96 align=4
            local.set 17
            local.get 12
            v128.load offset=144 align=4
            local.set 19
            local.get 4
            local.get 7
            i32.const 4
            i32.mul
            i32.add
            local.set 9
            local.get 5
            local.get 8
            i32.const 4
            i32.mul
            i32.add
            local.tee 10
            i32.const 192
            i32.add
            local.set 11
            loop  ;; label = @5
              local.get 10
              v128.load align=4
              local.set 21
              local.get 9
              v128.load32_splat
              local.set 23
              local.get 13
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 13
              local.get 9
              v128.load32_splat offset=4
              local.set 23
              local.get 15
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 15
              local.get 9
              v128.load32_splat offset=8
              local.set 23
              local.get 17
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 17
              local.get 9
              v128.load32_splat offset=12
              local.set 23
              local.get 19
              local.get 23
              local.get 21
              f32x4.mul
              f32x4.add
              local.set 19
              local.get 9
              i32.const 16
              i32.add
              local.set 9
              local.get 10
              i32.const 48
              i32.add
              local.tee 10
              local.get 11
              i32.lt_u
              br_if 0 (;@5;)
            end
            local.get 12
            local.get 13
            v128.store align=4
            local.get 12
            local.get 15
            v128.store offset=48 align=4
            local.get 12
            local.get 17
            v128.store offset=96 align=4
            local.get 12
            local.get 19
            v128.store offset=144 align=4
            local.get 8
            i32.const 4
            i32.add
            local.set 8
          end
          local.get 8
          i32.const 12
          i32.lt_u
          br_if 0 (;@3;)
        end
        local.get 7
        i32.const 4
        i32.add
        local.tee 7
        i32.const 4
        i32.lt_u
        br_if 0 (;@2;)
      end
      local.get 3
      i32.const 1
      i32.add
      local.tee 3
      i32.const 36
      i32.lt_u
      br_if 0 (;@1;)
    end)
  (export "inputTransform" (func 0))
  (export "gemm" (func 1))
  (export "outputTransform" (func 2))
  (export "dyTransform" (func 3))
  (export "filterTransform" (func 4))
  (export "filterGradOut" (func 5))
  (export "gemmAccumulate" (func 6)))
