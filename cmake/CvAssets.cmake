# cmake/CvAssets.cmake: build-time assets. Example programs are compiled into the binaries
# (target cv_examples); fonts are copied from Debian's font packages into the build, never committed.

# --- Built-in example programs ---------------------------------------------------------------
# Every assets/examples/*.py becomes a byte array in a generated .cpp, listed by
# cv::builtin_examples() (declared in ui/builtin_examples.h).
file(GLOB CV_EXAMPLE_FILES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/assets/examples/*.py")
list(SORT CV_EXAMPLE_FILES)
if(NOT CV_EXAMPLE_FILES)
  message(FATAL_ERROR "no example programs in ${PROJECT_SOURCE_DIR}/assets/examples")
endif()
set(_generated "${CMAKE_BINARY_DIR}/generated/builtin_examples.cpp")
add_custom_command(
  OUTPUT "${_generated}"
  COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${_generated}" "-DINPUTS=${CV_EXAMPLE_FILES}"
          -P "${PROJECT_SOURCE_DIR}/cmake/EmbedExamples.cmake"
  DEPENDS ${CV_EXAMPLE_FILES} "${PROJECT_SOURCE_DIR}/cmake/EmbedExamples.cmake"
  COMMENT "Embedding example programs"
  VERBATIM)
add_library(cv_examples STATIC "${_generated}")
target_include_directories(cv_examples PUBLIC "${PROJECT_SOURCE_DIR}")
cv_target_defaults(cv_examples)

# --- Fonts -----------------------------------------------------------------------------------
# cv_find_font(VAR FILE DIR...): absolute path of a Debian font file, or a clear error.
function(cv_find_font var file)
  # NO_CMAKE_FIND_ROOT_PATH: under emcmake, find_* would otherwise look inside emscripten's sysroot.
  find_file(${var} "${file}" PATHS ${ARGN} NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
  if(NOT ${var})
    message(FATAL_ERROR "font ${file} not found in ${ARGN}: run scripts/setup.sh (Debian font packages)")
  endif()
endfunction()
cv_find_font(CV_FONT_UI_TTF DejaVuSans.ttf /usr/share/fonts/truetype/dejavu)
cv_find_font(CV_FONT_CODE_TTF JetBrainsMono-Regular.ttf /usr/share/fonts/truetype/jetbrains-mono)

# cv_copy_fonts(TARGET DIR): copy the fonts to DIR/ui.ttf and DIR/code.ttf before TARGET builds.
# The app looks for exactly these names (see ui/fonts.cpp).
function(cv_copy_fonts target dir)
  add_custom_command(
    OUTPUT "${dir}/ui.ttf" "${dir}/code.ttf"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
    COMMAND "${CMAKE_COMMAND}" -E copy "${CV_FONT_UI_TTF}" "${dir}/ui.ttf"
    COMMAND "${CMAKE_COMMAND}" -E copy "${CV_FONT_CODE_TTF}" "${dir}/code.ttf"
    DEPENDS "${CV_FONT_UI_TTF}" "${CV_FONT_CODE_TTF}"
    COMMENT "Copying fonts into ${dir}"
    VERBATIM)
  add_custom_target(${target}-fonts DEPENDS "${dir}/ui.ttf" "${dir}/code.ttf")
  add_dependencies(${target} ${target}-fonts)
endfunction()
