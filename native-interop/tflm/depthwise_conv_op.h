// DepthwiseConv2D for TFLM's op resolver: TFLM's reference Init and Prepare (same op data, same arena), an Eval
// that runs va::depthwise_conv_s8 on nodes of the tinyConv shape and TFLM's reference Eval on every other node.
#ifndef VA_TFLM_DEPTHWISE_CONV_OP_H
#define VA_TFLM_DEPTHWISE_CONV_OP_H

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "tensorflow/lite/micro/micro_common.h"
#pragma GCC diagnostic pop

namespace va
{
// Pass to MicroMutableOpResolver::AddDepthwiseConv2D.
TFLMRegistration register_depthwise_conv_s8();

// Evaluations that took the va::depthwise_conv_s8 path since boot (tests and benchmarks check the dispatch).
unsigned depthwise_conv_s8_evaluations();
} // namespace va

#endif
