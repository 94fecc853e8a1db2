#
# The TensorFlow Lite Micro sources the TFLM host needs, from a tflite-micro source tree: the runtime (without its
# debug_log.cc: tflm/debug_log.cpp replaces it) and the reference kernels of the ops tflm_host registers. One list
# for every build that compiles TFLM: the native tests (native-interop/CMakeLists.txt), the virtual board
# (tools/virtual-board) and the ESP32 image (FindINTEROP-VoiceAssistant.Interop.cmake with VA_TFLM_SOURCE_DIR).
# Compile them with TF_LITE_STATIC_MEMORY and FLATBUFFERS_LOCALE_INDEPENDENT=0 (VA_TFLM_DEFINITIONS).
#
set(VA_TFLM_DEFINITIONS TF_LITE_STATIC_MEMORY FLATBUFFERS_LOCALE_INDEPENDENT=0)

function(va_tflm_sources out_var tflm_root)
  set(_t ${tflm_root}/tensorflow)
  if(NOT EXISTS ${_t}/lite/micro/micro_interpreter.cc)
    message(FATAL_ERROR "no tflite-micro sources at ${tflm_root} (tensorflow/lite/micro/micro_interpreter.cc missing)")
  endif()
  file(GLOB _runtime ${_t}/lite/micro/*.cc ${_t}/lite/micro/arena_allocator/*.cc ${_t}/lite/micro/memory_planner/*.cc
       ${_t}/lite/micro/tflite_bridge/*.cc)
  list(FILTER _runtime EXCLUDE REGEX "_test\\.cc$|/debug_log\\.cc$|test_helper|fake_micro_context|mock_micro_graph")
  file(GLOB_RECURSE _shared ${_t}/lite/kernels/*.cc ${_t}/lite/core/*.cc ${_t}/compiler/*.cc)
  list(FILTER _shared EXCLUDE REGEX "_test\\.cc$")
  set(_kernels "")
  foreach(_kernel kernel_util reshape reshape_common depthwise_conv depthwise_conv_common fully_connected
          fully_connected_common softmax softmax_common conv conv_common pooling pooling_common)
    list(APPEND _kernels ${_t}/lite/micro/kernels/${_kernel}.cc)
  endforeach()
  set(${out_var} ${_runtime} ${_shared} ${_kernels} PARENT_SCOPE)
endfunction()
