// glReadPixels + stb_image_write: a PNG of what the app just rendered.
#include "ui/screenshot.h"

#include <SDL_opengl.h>
#include <stb_image_write.h>

#include <cstdio>
#include <vector>

namespace cv::ui {

bool write_screenshot_png(const std::string& path, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  // GL's first row is the bottom one; PNG's is the top one.
  stbi_flip_vertically_on_write(1);
  if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), width * 3)) {
    std::fprintf(stderr, "closureviz: cannot write screenshot %s\n", path.c_str());
    return false;
  }
  std::printf("closureviz: wrote %dx%d screenshot to %s\n", width, height, path.c_str());
  return true;
}

}  // namespace cv::ui
