// Built only with VA_WITH_TFLM (see tflm_host.cpp for the TFLM header rules).
#include "depthwise_conv_op.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "tensorflow/lite/c/builtin_op_data.h"
#include "tensorflow/lite/micro/kernels/depthwise_conv.h"
#include "tensorflow/lite/micro/kernels/kernel_util.h"
#pragma GCC diagnostic pop
#include "depthwise_conv_s8.h"

namespace va
{
namespace
{
TfLiteStatus (*g_referenceEval)(TfLiteContext *, TfLiteNode *) = nullptr;
unsigned g_evaluations = 0;

bool dims_are(const TfLiteEvalTensor *t, int rank)
{
    return t != nullptr && t->dims != nullptr && t->dims->size == rank;
}

// int8 activations and weights, int32 bias or none, one input channel, depth multiplier 8, no dilation, per-channel
// requantisation: the shape va::depthwise_conv_s8 handles. Everything else stays with the reference.
bool fits_kernel(const TfLiteDepthwiseConvParams &params, const tflite::OpDataConv &data, const TfLiteEvalTensor *input,
                 const TfLiteEvalTensor *filter, const TfLiteEvalTensor *bias, const TfLiteEvalTensor *output)
{
    if (!dims_are(input, 4) || !dims_are(filter, 4) || !dims_are(output, 4))
    {
        return false;
    }
    if (input->type != kTfLiteInt8 || filter->type != kTfLiteInt8 || output->type != kTfLiteInt8 ||
        (bias != nullptr && bias->type != kTfLiteInt32))
    {
        return false;
    }
    return input->dims->data[3] == 1 && filter->dims->data[0] == 1 && filter->dims->data[3] == kDepthwiseChannels &&
           output->dims->data[3] == kDepthwiseChannels && output->dims->data[0] == input->dims->data[0] &&
           params.depth_multiplier == kDepthwiseChannels && params.dilation_width_factor == 1 &&
           params.dilation_height_factor == 1 && data.per_channel_output_multiplier != nullptr &&
           data.per_channel_output_shift != nullptr;
}

TfLiteStatus eval(TfLiteContext *context, TfLiteNode *node)
{
#ifdef USE_TFLM_COMPRESSION
    // Compressed weights are decompressed by the reference path only.
    return g_referenceEval(context, node);
#else
    const auto &params = *static_cast<const TfLiteDepthwiseConvParams *>(node->builtin_data);
    const auto &data = *static_cast<const tflite::OpDataConv *>(node->user_data);
    const TfLiteEvalTensor *input = tflite::micro::GetEvalInput(context, node, tflite::kDepthwiseConvInputTensor);
    const TfLiteEvalTensor *filter = tflite::micro::GetEvalInput(context, node, tflite::kDepthwiseConvWeightsTensor);
    const TfLiteEvalTensor *bias = node->inputs->size == 3
                                       ? tflite::micro::GetEvalInput(context, node, tflite::kDepthwiseConvBiasTensor)
                                       : nullptr;
    TfLiteEvalTensor *output = tflite::micro::GetEvalOutput(context, node, tflite::kDepthwiseConvOutputTensor);
    if (!fits_kernel(params, data, input, filter, bias, output))
    {
        return g_referenceEval(context, node);
    }

    // The same Prepare results the reference kernel reads (DepthwiseConvParamsQuantized).
    const tflite::DepthwiseParams q = tflite::DepthwiseConvParamsQuantized(params, data);
    DepthwiseS8Params p;
    p.batches = input->dims->data[0];
    p.inputHeight = input->dims->data[1];
    p.inputWidth = input->dims->data[2];
    p.filterHeight = filter->dims->data[1];
    p.filterWidth = filter->dims->data[2];
    p.outputHeight = output->dims->data[1];
    p.outputWidth = output->dims->data[2];
    p.strideHeight = q.stride_height;
    p.strideWidth = q.stride_width;
    p.padHeight = q.padding_values.height;
    p.padWidth = q.padding_values.width;
    p.inputOffset = q.input_offset;
    p.outputOffset = q.output_offset;
    p.activationMin = q.quantized_activation_min;
    p.activationMax = q.quantized_activation_max;
    p.outputMultiplier = data.per_channel_output_multiplier;
    p.outputShift = data.per_channel_output_shift;
    depthwise_conv_s8(p, tflite::micro::GetTensorData<int8_t>(input), tflite::micro::GetTensorData<int8_t>(filter),
                      bias != nullptr ? tflite::micro::GetTensorData<int32_t>(bias) : nullptr,
                      tflite::micro::GetTensorData<int8_t>(output));
    ++g_evaluations;
    return kTfLiteOk;
#endif
}
} // namespace

TFLMRegistration register_depthwise_conv_s8()
{
    TFLMRegistration registration = tflite::Register_DEPTHWISE_CONV_2D();
    g_referenceEval = registration.invoke;
    registration.invoke = eval;
    return registration;
}

unsigned depthwise_conv_s8_evaluations() { return g_evaluations; }
} // namespace va
