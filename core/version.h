// The closureviz version string, one source of truth: project(VERSION) in the top-level CMakeLists.txt.
#pragma once

namespace cv {

// "X.Y.Z" (semantic versioning). A static, NUL-terminated string: safe to hand to C and JS.
const char* version();

}  // namespace cv
