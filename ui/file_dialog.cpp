// Open/Save dialog: std::filesystem listing in a modal popup; errors (unreadable folder) are shown in it, never thrown.
#include "ui/file_dialog.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "imgui.h"
#include "imgui_stdlib.h"

namespace cv::ui {

namespace fs = std::filesystem;

void FileDialog::open(Purpose purpose, const std::string& dir, const std::string& file_name) {
  purpose_ = purpose;
  name_ = file_name;
  error_.clear();
  std::error_code ec;
  std::string start = dir;
  if (start.empty() || !fs::is_directory(start, ec)) start = fs::current_path(ec).string();
  list(start);
  open_ = true;
  popup_pending_ = true;
}

void FileDialog::list(const std::string& dir) {
  std::error_code ec;
  std::vector<Entry> entries;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    error_ = "cannot open folder " + dir + ": " + ec.message();
    return;
  }
  for (const fs::directory_entry& e : it) {
    std::error_code entry_ec;
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files stay hidden
    const bool is_dir = e.is_directory(entry_ec);
    if (!is_dir && !show_all_ && e.path().extension() != ".py") continue;
    entries.push_back({name, is_dir});
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.is_dir != b.is_dir ? a.is_dir : a.name < b.name;
  });
  dir_ = fs::path(dir).lexically_normal().string();
  if (dir_.size() > 1 && dir_.back() == '/') dir_.pop_back();
  entries_ = std::move(entries);
  error_.clear();
}

bool FileDialog::draw(std::string* chosen) {
  if (!open_) return false;
  const char* title = purpose_ == Purpose::Open ? "Open a Python file" : "Save the program as";
  if (popup_pending_) {
    ImGui::OpenPopup(title);
    popup_pending_ = false;
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(640.0f, viewport->WorkSize.x * 0.9f), std::min(480.0f, viewport->WorkSize.y * 0.9f)), ImGuiCond_Appearing);
  bool done = false;
  bool keep_open = true;
  if (ImGui::BeginPopupModal(title, &keep_open)) {
    if (ImGui::Button("Up")) list(fs::path(dir_).parent_path().string());
    ImGui::SameLine();
    ImGui::TextUnformatted(dir_.c_str());
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("All files").x - ImGui::GetFrameHeight() - 8);
    if (ImGui::Checkbox("All files", &show_all_)) list(dir_);

    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + (error_.empty() ? 0 : ImGui::GetTextLineHeightWithSpacing());
    ImGui::BeginChild("entries", ImVec2(0, -footer), true);
    std::string enter_dir;
    for (const Entry& e : entries_) {
      const std::string label = e.is_dir ? e.name + "/" : e.name;
      if (ImGui::Selectable(label.c_str(), !e.is_dir && e.name == name_, ImGuiSelectableFlags_AllowDoubleClick)) {
        if (e.is_dir) {
          enter_dir = dir_ + "/" + e.name;
        } else {
          name_ = e.name;
          if (ImGui::IsMouseDoubleClicked(0)) done = true;
        }
      }
    }
    if (entries_.empty()) ImGui::TextDisabled(show_all_ ? "(empty folder)" : "(no .py files here)");
    ImGui::EndChild();
    if (!enter_dir.empty()) list(enter_dir);

    if (!error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", error_.c_str());
    ImGui::SetNextItemWidth(-220);
    // The name field has the keyboard from the start: type a name (or a whole path) and press Enter.
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (ImGui::InputText("##name", &name_, ImGuiInputTextFlags_EnterReturnsTrue)) done = true;
    ImGui::SameLine();
    std::error_code ec;
    const bool exists = !name_.empty() && fs::exists(fs::path(dir_) / name_, ec);
    const char* action = purpose_ == Purpose::Open ? "Open" : exists ? "Replace" : "Save";
    ImGui::BeginDisabled(name_.empty());
    if (ImGui::Button(action, ImVec2(100, 0))) done = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(100, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
      keep_open = false;
      done = false;
    }
    if (done && !name_.empty()) {
      const fs::path target = fs::path(name_).is_absolute() ? fs::path(name_) : fs::path(dir_) / name_;
      if (fs::is_directory(target, ec)) {
        list(target.string());
        name_.clear();
        done = false;
      } else if (purpose_ == Purpose::Open && !fs::exists(target, ec)) {
        error_ = "no such file: " + target.string();
        done = false;
      } else {
        *chosen = target.lexically_normal().string();
        keep_open = false;
      }
    } else {
      done = false;
    }
    if (!keep_open) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  } else {
    keep_open = false;
  }
  if (!keep_open) open_ = false;
  return done;
}

}  // namespace cv::ui
