# cmake/CvCompilerOptions.cmake: language level, warnings and platform flags shared by all closureviz targets.

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()

if(EMSCRIPTEN)
  # The interpreter reports Python errors with C++ exceptions, which wasm disables by default.
  # Every object file and the link must agree, third-party code included.
  add_compile_options(-fexceptions)
  add_link_options(-fexceptions)
  # -Os, not -O2: the page must stay under 1 MB gzipped (README, "The tutorial page"), and -O2's
  # inlining of the interpreter and libc++ templates made the wasm too big; recording speed stays
  # within its budget. (-O3 links take twice as long as -O2 for no visible gain.)
  set(CMAKE_CXX_FLAGS_RELEASE "-Os -DNDEBUG")
endif()

# Our own targets get warnings; third-party sources (Dear ImGui on the web) do not.
function(cv_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
endfunction()
