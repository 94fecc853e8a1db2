// Instruction-count driver (not a test): N Invokes of a .tflite model (default: the shipped models/yes-no) through
// TFLM with either DepthwiseConv2D registration, on one fixed pseudo-random input. depthwise_callgrind.sh runs it
// under callgrind and reads the inclusive counts of Invoke and of each DepthwiseConv2D Eval.
// usage: va_depthwise_bench reference|ours [invokes] [model.tflite]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "../tests/tflm_runner.h"

int main(int argc, char **argv)
{
    if (argc < 2 || (std::strcmp(argv[1], "reference") != 0 && std::strcmp(argv[1], "ours") != 0))
    {
        std::fprintf(stderr, "usage: va_depthwise_bench reference|ours [invokes] [model.tflite]\n");
        return 2;
    }
    const bool ours = std::strcmp(argv[1], "ours") == 0;
    const int invokes = argc > 2 ? std::atoi(argv[2]) : 20;
    const std::string model = argc > 3 ? argv[3] : std::string(VA_REPO_DIR) + "/models/yes-no/model.tflite";
    va_test::TflmRunner runner;
    if (invokes <= 0 || !runner.load(model, ours))
    {
        std::fprintf(stderr, "cannot load %s or bad invoke count\n", model.c_str());
        return 1;
    }
    tflite::MicroInterpreter &interpreter = runner.interpreter();
    std::mt19937 rng(49 * 40);
    std::vector<int8_t> input(static_cast<size_t>(interpreter.input(0)->bytes));
    for (int8_t &x : input)
    {
        x = static_cast<int8_t>(static_cast<int>(rng() % 256) - 128);
    }
    unsigned checksum = 0;
    for (int i = 0; i < invokes; ++i)
    {
        std::memcpy(interpreter.input(0)->data.int8, input.data(), input.size());
        if (interpreter.Invoke() != kTfLiteOk)
        {
            std::fprintf(stderr, "Invoke failed\n");
            return 1;
        }
        checksum = checksum * 31u + static_cast<uint8_t>(interpreter.output(0)->data.int8[0]);
    }
    std::printf("%s: %d invokes, fast-path evaluations %u, output checksum %u\n", argv[1], invokes,
                va::depthwise_conv_s8_evaluations(), checksum);
    return 0;
}
