# Config-mode entry point: lets nf-interpreter find our FindINTEROP module through
# -D "INTEROP-VoiceAssistant.Interop_DIR=<this folder>" without copying anything into its tree.
include("${CMAKE_CURRENT_LIST_DIR}/FindINTEROP-VoiceAssistant.Interop.cmake")
