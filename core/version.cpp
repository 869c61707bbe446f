// The closureviz version string; CV_VERSION is defined for this file only, by the build.
#include "core/version.h"

#ifndef CV_VERSION
#error "CV_VERSION is not defined: build closureviz with its top-level CMakeLists.txt"
#endif

namespace cv {

const char* version() { return CV_VERSION; }

}  // namespace cv
