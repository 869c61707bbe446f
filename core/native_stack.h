// Native stack headroom: how much of this thread's stack is left, so that deep recursion stops with an error instead of overflowing.
#pragma once

#include <cstddef>

namespace cv {

// Bytes of native stack left below the caller's frame on this thread (stacks grow down on every
// platform closureviz builds for), or SIZE_MAX when the thread's stack bounds are unknown
// (WebAssembly, or a failing pthread_getattr_np): callers then rely on their depth counts alone.
size_t native_stack_left();

// The headroom a recursive pass keeps free: enough for the deepest call chain between two of its
// checks plus throwing and unwinding an exception. Four times larger under AddressSanitizer,
// which adds redzones around every local and makes frames several times larger.
size_t native_stack_reserve();

// True when a recursive pass should stop now (less than native_stack_reserve() bytes left).
// Costs one comparison once the thread's bounds are known (looked up on the first call).
bool native_stack_low();

}  // namespace cv
