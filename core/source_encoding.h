// Source encoding declarations (PEP 263): `# -*- coding: NAME -*-` on line 1 or 2, read as CPython 3.11 reads them.
//
// closureviz runs UTF-8 text. A file declaring Latin-1 or cp1252 is decoded to UTF-8 first; one
// declaring ASCII or another ASCII-compatible codec runs when its bytes are all ASCII (they then
// mean the same in either). What CPython rejects gets CPython's report ("SyntaxError: encoding
// problem: foo"); a codec CPython has and closureviz does not decode gets a clear message.
#pragma once

#include <string>

namespace cv {

// Rewrites `source` as UTF-8 when it declares another encoding; returns the error report
// (ending in a newline) when the declaration or the bytes are not acceptable, else "".
std::string apply_source_encoding(std::string& source);

}  // namespace cv
