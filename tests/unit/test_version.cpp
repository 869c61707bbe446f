// The version string: "X.Y.Z", the same one the CLI and the UI show.
#include <catch2/catch.hpp>

#include <cstring>
#include <regex>
#include <string>

#include "core/version.h"

TEST_CASE("version is a semantic version X.Y.Z", "[version]") {
  const std::string v = cv::version();
  CHECK(std::regex_match(v, std::regex(R"(\d+\.\d+\.\d+)")));
}

TEST_CASE("version returns the same static string every time", "[version]") {
  CHECK(cv::version() == cv::version());
  CHECK(std::strlen(cv::version()) > 0);
}
