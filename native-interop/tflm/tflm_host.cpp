// Built only into images with TFLM (VA_WITH_TFLM); define TF_LITE_STATIC_MEMORY exactly as for the TFLM library.
#include "tflm_host.h"

#include <cstring>
#include <new>

// TFLM's headers have unused parameters (nf-interpreter's ESP32 flags add -Wno-unused-parameter; -Wextra does not):
// silence exactly that for them, keep every warning for this file.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"
#include "tensorflow/lite/schema/schema_generated.h"
#pragma GCC diagnostic pop
#include "depthwise_conv_op.h"
#include "tflm_platform.h"

namespace va
{
namespace
{
// Ops of the tinyConv keyword model plus Conv2D and pooling for other small KWS models. Keep in step with
// tools/VoiceAssistant.Codegen ModelCodegen.SupportedOperators (the generator refuses models needing others).
constexpr int kOpCount = 7;
using Resolver = tflite::MicroMutableOpResolver<kOpCount>;

alignas(Resolver) unsigned char g_resolverStorage[sizeof(Resolver)];
Resolver *g_resolver = nullptr;
alignas(tflite::MicroInterpreter) unsigned char g_interpreterStorage[sizeof(tflite::MicroInterpreter)];

// Registers the ops once per boot; returns nullptr when one could not be added (capacity or registration).
// DepthwiseConv2D is ours on the tinyConv shape (≈ 98 % of a reference Invoke) and TFLM's reference elsewhere.
Resolver *resolver()
{
    if (g_resolver != nullptr)
    {
        return g_resolver;
    }
    Resolver *r = new (g_resolverStorage) Resolver();
    if (r->AddReshape() != kTfLiteOk || r->AddDepthwiseConv2D(register_depthwise_conv_s8()) != kTfLiteOk ||
        r->AddFullyConnected() != kTfLiteOk || r->AddSoftmax() != kTfLiteOk || r->AddConv2D() != kTfLiteOk ||
        r->AddAveragePool2D() != kTfLiteOk || r->AddMaxPool2D() != kTfLiteOk)
    {
        r->~Resolver();
        return nullptr;
    }
    g_resolver = r;
    return r;
}

int element_count(const TfLiteTensor *t)
{
    if (t == nullptr || t->dims == nullptr)
    {
        return -1;
    }
    int n = 1;
    for (int i = 0; i < t->dims->size; ++i)
    {
        n *= t->dims->data[i];
    }
    return n;
}

tflite::MicroInterpreter *as_interpreter(void *p) { return static_cast<tflite::MicroInterpreter *>(p); }

} // namespace

TflmHost::~TflmHost() { unload(); }

Status TflmHost::fail(Status status, const char *message)
{
    // Prefer TFLM's own log line when it has one: it names the op or the byte counts.
    const char *log = status == kArenaTooSmall ? tflm_allocation_failure() : tflm_last_log();
    lastError_ = log[0] != '\0' ? log : message;
    unload();
    return status;
}

void TflmHost::unload()
{
    if (interpreter_ != nullptr)
    {
        as_interpreter(interpreter_)->~MicroInterpreter();
        interpreter_ = nullptr;
    }
    if (arena_ != nullptr)
    {
        tflm_aligned_free(arena_);
        arena_ = nullptr;
    }
    if (model_ != nullptr)
    {
        tflm_aligned_free(model_);
        model_ = nullptr;
    }
    arenaUsed_ = 0;
    labelCount_ = 0;
    inputElements_ = 0;
}

Status TflmHost::load(const uint8_t *model, size_t length, int arenaBytes, int inputElements)
{
    unload();
    tflm_clear_log();
    if (model == nullptr || length == 0 || arenaBytes <= 0 || inputElements <= 0)
    {
        return fail(kBadArgument, "model must be non-empty and arenaBytes positive");
    }

    // TFLM keeps pointers into the flatbuffer: it must not move, so it lives in native memory from here on.
    model_ = static_cast<uint8_t *>(tflm_aligned_alloc(length));
    if (model_ == nullptr)
    {
        return fail(kOutOfMemory, "no native memory for the model copy");
    }
    std::memcpy(model_, model, length);

    flatbuffers::Verifier verifier(model_, length);
    if (!tflite::VerifyModelBuffer(verifier))
    {
        return fail(kModelInvalid, "not a valid TFLite flatbuffer");
    }
    const tflite::Model *m = tflite::GetModel(model_);
    if (m->version() != TFLITE_SCHEMA_VERSION)
    {
        return fail(kModelInvalid, "model schema version differs from TFLM's (3)");
    }

    Resolver *ops = resolver();
    if (ops == nullptr)
    {
        return fail(kModelInvalid, "could not register the TFLM operators");
    }

    arena_ = static_cast<uint8_t *>(tflm_aligned_alloc(static_cast<size_t>(arenaBytes)));
    if (arena_ == nullptr)
    {
        return fail(kOutOfMemory, "no native memory for the tensor arena");
    }

    tflite::MicroInterpreter *interpreter =
        new (g_interpreterStorage) tflite::MicroInterpreter(m, *ops, arena_, static_cast<size_t>(arenaBytes));
    interpreter_ = interpreter;
    if (interpreter->initialization_status() != kTfLiteOk)
    {
        return fail(kModelInvalid, "TFLM could not initialise the interpreter");
    }
    if (interpreter->AllocateTensors() != kTfLiteOk)
    {
        // Using tensors after a failed AllocateTensors crashes: stop here.
        return tflm_allocation_failure()[0] != '\0' ? fail(kArenaTooSmall, "tensor arena too small")
                                          : fail(kModelInvalid, "TFLM could not allocate the tensors");
    }
    if (interpreter->inputs_size() != 1 || interpreter->outputs_size() != 1)
    {
        return fail(kModelInvalid, "model must have one input and one output");
    }

    TfLiteTensor *input = interpreter->input(0);
    TfLiteTensor *output = interpreter->output(0);
    if (input == nullptr || input->type != kTfLiteInt8 || element_count(input) != inputElements)
    {
        return fail(kModelInvalid, "model input must be int8 with 1960 elements (49x40 window)");
    }
    if (output == nullptr || output->type != kTfLiteInt8 || element_count(output) < 1)
    {
        return fail(kModelInvalid, "model output must be int8");
    }

    inputElements_ = inputElements;
    labelCount_ = element_count(output);
    inputScale_ = input->params.scale;
    inputZeroPoint_ = input->params.zero_point;
    outputScale_ = output->params.scale;
    outputZeroPoint_ = output->params.zero_point;
    arenaUsed_ = static_cast<int>(interpreter->arena_used_bytes());
    lastError_ = "";
    return kOk;
}

Status TflmHost::invoke(const int8_t *window, int8_t *scores, size_t scoresLength)
{
    if (interpreter_ == nullptr)
    {
        lastError_ = "no model loaded";
        return kModelNotLoaded;
    }
    if (window == nullptr || scores == nullptr || scoresLength < static_cast<size_t>(labelCount_))
    {
        lastError_ = "scores must hold one entry per model output";
        return kBadArgument;
    }
    tflite::MicroInterpreter *interpreter = as_interpreter(interpreter_);

    // The input's memory may have been reused by later tensors during the previous Invoke: refill it every time.
    std::memcpy(interpreter->input(0)->data.int8, window, static_cast<size_t>(inputElements_));
    tflm_clear_log();
    if (interpreter->Invoke() != kTfLiteOk)
    {
        const char *log = tflm_last_log();
        lastError_ = log[0] != '\0' ? log : "TFLM Invoke failed";
        return kInvokeFailed;
    }
    std::memcpy(scores, interpreter->output(0)->data.int8, static_cast<size_t>(labelCount_));
    return kOk;
}
} // namespace va
