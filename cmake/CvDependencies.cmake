# cmake/CvDependencies.cmake: header-only libraries used by core/ (Boost.Multiprecision, nlohmann_json),
# exposed as one INTERFACE target `cv_thirdparty` for both native and em++ builds.

add_library(cv_thirdparty INTERFACE)

if(NOT EMSCRIPTEN)
  find_package(Boost 1.74 REQUIRED)              # headers only: Boost.Multiprecision
  find_package(nlohmann_json 3.11 REQUIRED)
  target_link_libraries(cv_thirdparty INTERFACE Boost::headers nlohmann_json::nlohmann_json)
else()
  # em++ must never see /usr/include as a whole (glibc headers would shadow emscripten's libc).
  # These libraries are header-only and portable, so expose just their directories through a
  # folder of symlinks in the build tree.
  set(_shim "${CMAKE_BINARY_DIR}/host-headers")
  file(MAKE_DIRECTORY "${_shim}")
  foreach(_dir boost nlohmann catch2)
    if(NOT EXISTS "/usr/include/${_dir}")
      message(FATAL_ERROR "/usr/include/${_dir} is missing: run scripts/setup.sh (Debian packages libboost-dev, nlohmann-json3-dev, catch2)")
    endif()
    if(NOT EXISTS "${_shim}/${_dir}")
      file(CREATE_LINK "/usr/include/${_dir}" "${_shim}/${_dir}" SYMBOLIC)
    endif()
  endforeach()
  target_include_directories(cv_thirdparty SYSTEM INTERFACE "${_shim}")
  set(CV_HOST_HEADERS "${_shim}")   # also gives the wasm unit tests <catch2/catch.hpp>
endif()
