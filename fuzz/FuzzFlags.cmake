# fuzz/FuzzFlags.cmake: with -DCV_FUZZ=ON, instruments every target (cvcore included) for libFuzzer + ASan + UBSan.
# Included by the top-level CMakeLists.txt before any target exists, because the sanitizers
# and libFuzzer's coverage counters must be compiled into the library being fuzzed, not only
# into the fuzz targets.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "CV_FUZZ=ON needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++ (scripts/fuzz.sh does)")
endif()
# -O1 -g: fast enough for millions of executions, with readable stack traces in crash reports.
# -fno-sanitize-recover: an undefined-behaviour report aborts, so libFuzzer keeps the input.
set(CV_FUZZ_SANITIZERS "address,undefined")
add_compile_options(-O1 -g -fno-omit-frame-pointer
  -fsanitize=fuzzer-no-link,${CV_FUZZ_SANITIZERS} -fno-sanitize-recover=all)
add_link_options(-fsanitize=${CV_FUZZ_SANITIZERS})
