# Broke: AddressSanitizer "alloc-dealloc-mismatch (operator new vs free)". core/heap.cpp replaced only
# operator new(size_t) and delete(void*); std::stable_sort (scope analysis sorts each block's children,
# core/scope.cpp) takes its buffer from the nothrow new, which the sanitizer supplied, and frees it through
# ours. Found by every fuzz target at its first input (libFuzzer itself allocates the same way). Fixed by
# routing every form of new/delete through the replaced pair (core/heap.cpp). Only the `sanitizers`
# ctest, which runs this file with its ASan build, can see the bug: a module with several nested blocks.
def outer(n):
    def add(x):
        return x + n

    def mul(x):
        return x * n

    class Box:
        def get(self):
            return n

    return add, mul, Box, lambda: n, [n * i for i in range(3)]


add, mul, Box, get_n, squares = outer(3)
print(add(1), mul(2), Box().get(), get_n(), squares)
