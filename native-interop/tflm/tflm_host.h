// The TensorFlow Lite Micro host behind NativeLoadModel/NativeInvoke: owns the model copy, the op resolver, the
// 16-byte-aligned arena and the interpreter. Compiled only with VA_WITH_TFLM (firmware images that link TFLM);
// its interface uses no TFLM types so the engine includes it unconditionally.
#ifndef VA_TFLM_HOST_H
#define VA_TFLM_HOST_H

#include <cstddef>
#include <cstdint>

#include "../features/va_status.h"

namespace va
{
class TflmHost
{
  public:
    TflmHost() = default;
    ~TflmHost();
    TflmHost(const TflmHost &) = delete;
    TflmHost &operator=(const TflmHost &) = delete;

    // Copies the model into native memory (managed arrays move), checks the schema version, registers the ops,
    // allocates an arena of arenaBytes and the tensors, and checks input [.., inputElements] int8 and an int8
    // output. Any earlier model is released first; on failure nothing stays loaded.
    Status load(const uint8_t *model, size_t length, int arenaBytes, int inputElements);

    // Copies the window (inputElements int8) into the input tensor (TFLM may reuse the input's memory for later
    // tensors, so every call refills it), runs the graph and copies label_count() scores out.
    Status invoke(const int8_t *window, int8_t *scores, size_t scoresLength);

    void unload();

    bool loaded() const { return interpreter_ != nullptr; }
    int arena_used_bytes() const { return arenaUsed_; }
    int label_count() const { return labelCount_; }
    float input_scale() const { return inputScale_; }
    int input_zero_point() const { return inputZeroPoint_; }
    float output_scale() const { return outputScale_; }
    int output_zero_point() const { return outputZeroPoint_; }

    // Message of the last failure (static text, or the last line TFLM logged).
    const char *last_error() const { return lastError_; }

  private:
    Status fail(Status status, const char *message);

    uint8_t *model_ = nullptr;
    uint8_t *arena_ = nullptr;
    void *interpreter_ = nullptr; // tflite::MicroInterpreter placed in interpreterStorage_
    int inputElements_ = 0;
    int arenaUsed_ = 0;
    int labelCount_ = 0;
    float inputScale_ = 0.0f;
    int inputZeroPoint_ = 0;
    float outputScale_ = 0.0f;
    int outputZeroPoint_ = 0;
    const char *lastError_ = "";
};

// The last line TFLM logged through DebugLog (for messages); empty if none since the last clear.
const char *tflm_last_log();
// The first logged line since the last clear that reports an allocation failure (arena exhausted); empty if none.
const char *tflm_allocation_failure();
void tflm_clear_log();
} // namespace va

#endif
