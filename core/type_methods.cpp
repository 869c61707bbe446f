// install_type_methods: the methods of the builtin types, one installer per methods_*.cpp file.
#include "core/natives.h"

namespace cv {

void install_type_methods(VM& vm) {
  install_object_methods(vm);
  install_exception_methods(vm);
  install_str_methods(vm);
  install_list_methods(vm);
  install_dict_methods(vm);
  install_set_methods(vm);
  install_number_methods(vm);
  install_range_slice_methods(vm);
  install_layout_dunders(vm);
}

}  // namespace cv
