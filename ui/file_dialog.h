// A small Open/Save dialog drawn with ImGui (the desktop app has no native dialogs): folders, *.py files, a name field.
#pragma once

#include <string>
#include <vector>

namespace cv::ui {

class FileDialog {
 public:
  enum class Purpose { Open, Save };

  // Opens the dialog at the next draw, listing `dir` (the current directory when empty or unreadable).
  void open(Purpose purpose, const std::string& dir, const std::string& file_name = {});
  bool is_open() const { return open_; }
  Purpose purpose() const { return purpose_; }
  // Draws the dialog while it is open; returns true once, with the chosen file in *chosen.
  bool draw(std::string* chosen);
  const std::string& directory() const { return dir_; }

 private:
  void list(const std::string& dir);

  struct Entry {
    std::string name;
    bool is_dir = false;
  };
  bool open_ = false;
  bool popup_pending_ = false;
  Purpose purpose_ = Purpose::Open;
  std::string dir_;
  std::vector<Entry> entries_;
  std::string name_;
  std::string error_;
  bool show_all_ = false;
};

}  // namespace cv::ui
