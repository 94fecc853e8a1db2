// A plain TFLM MicroInterpreter over a .tflite file with either DepthwiseConv2D registration (TFLM's reference or
// va::register_depthwise_conv_s8), for va_tflm_tests and bench/depthwise_bench.cpp. Host-only helper.
#ifndef VA_TESTS_TFLM_RUNNER_H
#define VA_TESTS_TFLM_RUNNER_H

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"
#include "tensorflow/compiler/mlir/lite/schema/schema_utils.h"
#include "tensorflow/lite/schema/schema_generated.h"
#pragma GCC diagnostic pop
#include "depthwise_conv_op.h"

namespace va_test
{
inline std::vector<uint8_t> read_bytes(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

class TflmRunner
{
  public:
    // False when the file is missing or TFLM refuses the model.
    bool load(const std::string &path, bool ourDepthwise, bool preserveAllTensors = false, size_t arenaBytes = 32768)
    {
        const std::vector<uint8_t> bytes = read_bytes(path);
        if (bytes.empty())
        {
            return false;
        }
        model_.reset(static_cast<uint8_t *>(std::aligned_alloc(16, (bytes.size() + 15) / 16 * 16)));
        std::copy(bytes.begin(), bytes.end(), model_.get());
        arena_.reset(static_cast<uint8_t *>(std::aligned_alloc(16, arenaBytes)));
        if (resolver_.AddReshape() != kTfLiteOk || resolver_.AddFullyConnected() != kTfLiteOk ||
            resolver_.AddSoftmax() != kTfLiteOk ||
            (ourDepthwise ? resolver_.AddDepthwiseConv2D(va::register_depthwise_conv_s8())
                          : resolver_.AddDepthwiseConv2D()) != kTfLiteOk)
        {
            return false;
        }
        interpreter_.reset(new tflite::MicroInterpreter(tflite::GetModel(model_.get()), resolver_, arena_.get(),
                                                        arenaBytes, nullptr, nullptr, preserveAllTensors));
        return interpreter_->AllocateTensors() == kTfLiteOk;
    }

    tflite::MicroInterpreter &interpreter() { return *interpreter_; }

    // Index of the first DEPTHWISE_CONV_2D operator's output tensor, or -1.
    int depthwise_output_tensor() const
    {
        const tflite::Model *m = tflite::GetModel(model_.get());
        const tflite::SubGraph *g = m->subgraphs()->Get(0);
        for (const tflite::Operator *op : *g->operators())
        {
            const tflite::OperatorCode *code = m->operator_codes()->Get(op->opcode_index());
            if (tflite::GetBuiltinCode(code) == tflite::BuiltinOperator_DEPTHWISE_CONV_2D)
            {
                return op->outputs()->Get(0);
            }
        }
        return -1;
    }

  private:
    struct FreeDeleter
    {
        void operator()(uint8_t *p) const { std::free(p); }
    };
    std::unique_ptr<uint8_t, FreeDeleter> model_;
    std::unique_ptr<uint8_t, FreeDeleter> arena_;
    tflite::MicroMutableOpResolver<4> resolver_;
    std::unique_ptr<tflite::MicroInterpreter> interpreter_;
};
} // namespace va_test

#endif
