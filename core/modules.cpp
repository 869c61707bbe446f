// install_modules: the importable library modules, one installer per module_*.cpp file.
#include "core/natives.h"

namespace cv {

void install_modules(VM& vm) {
  install_module_collections(vm);  // first: functools' CacheInfo is a namedtuple
  install_module_functools(vm);
  install_module_itertools(vm);
  install_module_math(vm);
  install_module_operator(vm);
}

}  // namespace cv
