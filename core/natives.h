// The installers of the native library, one per file; install_type_methods and install_modules call them.
#pragma once

#include <string>
#include <vector>

#include "core/vm.h"

namespace cv {

// Methods of builtin types (methods_*.cpp).
void install_object_methods(VM& vm);     // object, type, super, property, staticmethod, classmethod
void install_exception_methods(VM& vm);  // BaseException and the extra exception classes
// SystemExit.code of `exit` (the program's exit status when it is uncaught).
Value system_exit_code(VM& vm, ExceptionObject* exit);
void install_str_methods(VM& vm);
void install_list_methods(VM& vm);       // list and tuple
void install_dict_methods(VM& vm);       // dict and its views
void install_set_methods(VM& vm);        // set and frozenset
void install_number_methods(VM& vm);     // int, bool, float
void install_range_slice_methods(VM& vm);
// The special methods of builtin operations that code may call by name (list.__add__, set.__or__, ...).
void install_layout_dunders(VM& vm);

// collections.namedtuple for C++ callers (functools' CacheInfo): a tuple subclass whose
// fields are also attributes; `defaults` apply to the last fields.
TypeObject* make_namedtuple_type(VM& vm, const std::string& name, const std::vector<std::string>& fields,
                                 const std::vector<Value>& defaults, const std::string& module);

// Library modules (module_*.cpp).
void install_module_functools(VM& vm);
void install_module_itertools(VM& vm);
void install_module_collections(VM& vm);
// The parts of collections, called by install_module_collections with the module.
void install_collections_dict_types(VM& vm, ModuleObject* module);  // defaultdict, Counter, OrderedDict
void install_collections_deque(VM& vm, ModuleObject* module);
void install_collections_chainmap(VM& vm, ModuleObject* module);
void install_module_math(VM& vm);
void install_module_operator(VM& vm);

}  // namespace cv
