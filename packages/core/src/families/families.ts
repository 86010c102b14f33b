import type { LayersModel } from '@tensorflow/tfjs-layers';
import { densenet121 } from './densenet121.js';
import { efficientnetB0 } from './efficientnet-b0.js';
import type { FamilyOptions } from './family-options.js';
import { mobilenetV1 } from './mobilenet-v1.js';
import { mobilenetV2 } from './mobilenet-v2.js';
import { mobilenetV3 } from './mobilenet-v3.js';
import { resnet50V1 } from './resnet-v1.js';
import { resnet50V2 } from './resnet50-v2.js';
import { vgg16Reduced } from './vgg16-reduced.js';
import { xception } from './xception.js';

/** A reduced architecture family and the layers a test explains at. */
export interface Family {
  name: string;
  build(opts?: FamilyOptions): LayersModel;
  /** The last block's output (the default CAM target). */
  last: string;
  /** A block output in the middle of the network. */
  mid: string;
  /**
   * A node inside a residual or dense block: cutting the graph there leaves a second path (the
   * shortcut) around it. Null for the families without skip connections (VGG16, MobileNet v1).
   */
  inner: string | null;
  /** True when the head is GAP → Dense, so method 'cam' applies at `last`. */
  camHead: boolean;
}

/** Every Keras-applications family camkit is tested on, reduced to 32×32 inputs and a few blocks. */
export const FAMILIES: readonly Family[] = [
  {
    name: 'mobilenet_v1',
    build: mobilenetV1,
    last: 'conv_pw_5_relu',
    mid: 'conv_pw_3_relu',
    inner: null,
    camHead: false,
  },
  {
    name: 'mobilenet_v2',
    build: mobilenetV2,
    last: 'out_relu',
    mid: 'block_2_add',
    inner: 'block_4_depthwise_relu',
    camHead: true,
  },
  {
    name: 'mobilenet_v3',
    build: mobilenetV3,
    last: 'conv_1_hard_swish',
    mid: 'expanded_conv_2_add',
    inner: 'expanded_conv_4_se_excite',
    camHead: false,
  },
  {
    name: 'resnet50_v1',
    build: resnet50V1,
    last: 'conv4_block1_out',
    mid: 'conv3_block1_out',
    inner: 'conv2_block2_2_relu',
    camHead: true,
  },
  {
    name: 'resnet50_v2',
    build: resnet50V2,
    last: 'post_relu',
    mid: 'conv3_block1_out',
    inner: 'conv3_block1_2_relu',
    camHead: true,
  },
  {
    name: 'efficientnet_b0',
    build: efficientnetB0,
    last: 'top_activation',
    mid: 'block2b_add',
    inner: 'block3b_project_bn',
    camHead: true,
  },
  {
    name: 'xception',
    build: xception,
    last: 'block14_sepconv2_act',
    mid: 'add_2',
    inner: 'block5_sepconv2_bn',
    camHead: true,
  },
  {
    name: 'densenet121',
    build: densenet121,
    last: 'relu',
    mid: 'pool3_pool',
    inner: 'conv3_block1_2_conv',
    camHead: true,
  },
  {
    name: 'vgg16',
    build: vgg16Reduced,
    last: 'block5_conv3',
    mid: 'block3_conv2',
    inner: null,
    camHead: false,
  },
];
