// Font discovery (Debian paths, fc-match), the per-language glyph set and the counted
// missing-glyph box.
#include "text/font_atlas.h"

#include <fcntl.h>
#include <libintl.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/i18n.h"
#include "core/trusted_programs.h"
#include "text/bidi_text.h"

// ImGui's own copy of stb_truetype, private to this file: it reads the face names of the CJK
// collection to find the Simplified Chinese one.
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include "imstb_truetype.h"

extern char** environ;

namespace graphony::editor::text {

namespace {

bool Exists(const char* path) { return access(path, R_OK) == 0; }

// fc-match's answer for `pattern`, "FILE INDEX"; empty if fontconfig has nothing of the kind.
// Run by its absolute path with an argument list (no shell, no PATH); never in kiosk mode,
// where only LilyPond and qpdf may run (Debian's font paths above are used there).
std::string FcMatch(const char* pattern, int* index, const char* must_contain) {
  if (TrustedProgramsOnly()) return "";
  int fds[2];
  if (pipe(fds) != 0) return "";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  char program[] = "/usr/bin/fc-match", format[] = "-f", fields[] = "%{file}\n%{index}\n";
  std::string pat = pattern;
  char* argv[] = {program, format, fields, pat.data(), nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program, &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  FILE* p = spawned == 0 ? fdopen(fds[0], "r") : nullptr;
  if (!p) {
    close(fds[0]);
    if (spawned == 0) waitpid(pid, nullptr, 0);
    return "";
  }
  char file[1024] = {}, idx[32] = {};
  const bool ok = std::fgets(file, sizeof file, p) && std::fgets(idx, sizeof idx, p);
  std::fclose(p);
  waitpid(pid, nullptr, 0);
  if (!ok) return "";
  file[std::strcspn(file, "\n")] = 0;
  if (!std::strstr(file, must_contain) || !Exists(file)) return "";
  if (index) *index = std::atoi(idx);
  return file;
}

// The face of a .ttc whose family name is `family` (UTF-16BE in the name table), or -1.
int FaceNamed(const std::string& path, const char* family) {
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return -1;
  struct stat st {};
  int found = -1;
  if (fstat(fd, &st) == 0 && st.st_size > 12) {
    // Mapped, not read: only the headers and name tables are touched (the file is 20 MB).
    void* map = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (map != MAP_FAILED) {
      const auto* data = static_cast<const unsigned char*>(map);
      const int faces = stbtt_GetNumberOfFonts(data);
      for (int i = 0; i < faces && found < 0; ++i) {
        stbtt_fontinfo info;
        const int offset = stbtt_GetFontOffsetForIndex(data, i);
        if (offset < 0 || offset >= st.st_size || !stbtt_InitFont(&info, data, offset)) continue;
        int len = 0;
        const char* name = stbtt_GetFontNameString(&info, &len, STBTT_PLATFORM_ID_MICROSOFT,
                                                   STBTT_MS_EID_UNICODE_BMP, 0x409, 1);
        std::string ascii;
        for (int k = 1; name && k < len; k += 2) ascii += name[k];  // BMP ASCII: low bytes
        if (ascii == family) found = i;
      }
      munmap(map, static_cast<size_t>(st.st_size));
    }
  }
  close(fd);
  return found;
}

FontFiles Discover() {
  FontFiles f;
  for (const char* p : {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"})
    if (Exists(p)) f.latin = p;
  if (f.latin.empty()) f.latin = FcMatch("Noto Sans:style=Regular", nullptr, "NotoSans");
  if (f.latin.empty() && Exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    f.latin = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  for (const char* p : {"/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
                        "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"})
    if (f.arabic.empty() && Exists(p)) f.arabic = p;
  if (f.arabic.empty()) f.arabic = FcMatch("Noto Sans Arabic:style=Regular", nullptr, "Arabic");
  const char* cjk = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  if (Exists(cjk)) {
    f.cjk = cjk;
    f.cjk_face = FaceNamed(f.cjk, "Noto Sans CJK SC");
  }
  if (f.cjk.empty() || f.cjk_face < 0) {
    f.cjk = FcMatch("Noto Sans CJK SC:style=Regular", &f.cjk_face, "CJK");
    if (f.cjk.empty()) f.cjk_face = 0;
  }
  return f;
}

// A font file mapped into memory for the program's life. ImGui would read the whole file
// (the CJK collection is 20 MB, for the two characters of 中文 in most languages); mapped,
// only the pages of the tables and glyphs used are read.
struct MappedFont {
  void* data = nullptr;
  int size = 0;
};
MappedFont Map(const std::string& path) {
  static std::vector<std::pair<std::string, MappedFont>> maps;
  for (const auto& [p, m] : maps)
    if (p == path) return m;
  MappedFont m;
  const int fd = open(path.c_str(), O_RDONLY);
  struct stat st {};
  if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0 && st.st_size < (1 << 30)) {
    void* data = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (data != MAP_FAILED) m = {data, static_cast<int>(st.st_size)};
  }
  if (fd >= 0) close(fd);
  if (m.data) maps.emplace_back(path, m);
  return m;
}

ImFont* AddMapped(ImFontAtlas& atlas, const std::string& path, float size_px, ImFontConfig cfg,
                  const ImWchar* ranges) {
  const MappedFont m = Map(path);
  if (!m.data) return nullptr;
  cfg.FontDataOwnedByAtlas = false;  // the mapping is ours
  return atlas.AddFontFromMemoryTTF(m.data, m.size, size_px, &cfg, ranges);
}

// Latin with the letters of Polish, Romanian (ș ț are in Latin Extended-B), Albanian and
// Italian, and of people's names; general punctuation. Every language has these.
constexpr ImWchar kLatin[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0218, 0x021B,
                              0x2010, 0x205E, 0x20AC, 0x20AC, 0};
// Arabic letters and the presentation forms ToVisual() turns them into.
constexpr ImWchar kArabic[] = {0x0600, 0x06FF, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
// Chinese punctuation (、。「」 and full-width ！，：；？), which translations use freely.
constexpr ImWchar kCjkPunctuation[] = {0x3000, 0x301F, 0xFF01, 0xFF1F, 0};

bool IsCjk(unsigned c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFFEF);
}

// Uses the ranges after BuildAtlas() returns: ImGui keeps a pointer to them in ImFontConfig.
ImVector<ImWchar>& Ranges() {
  static ImVector<ImWchar> ranges;
  return ranges;
}

uint32_t Read32(const std::string& d, size_t at, bool swap) {
  if (at + 4 > d.size()) return 0;
  uint32_t v;
  std::memcpy(&v, d.data() + at, 4);
  return swap ? __builtin_bswap32(v) : v;
}

void DrawMissingBox(ImFontAtlas& atlas, int rect_id) {
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  atlas.GetTexDataAsRGBA32(&pixels, &w, &h);
  const ImFontAtlasCustomRect* r = atlas.GetCustomRectByIndex(rect_id);
  if (!pixels || !r->IsPacked()) return;
  for (int y = 0; y < r->Height; ++y)
    for (int x = 0; x < r->Width; ++x) {
      const bool edge = x == 0 || y == 0 || x == r->Width - 1 || y == r->Height - 1;
      unsigned char* px = pixels + 4 * ((r->Y + y) * w + (r->X + x));
      px[0] = px[1] = px[2] = 255;
      px[3] = edge ? 255 : 0;
    }
}

}  // namespace

const FontFiles& FindFonts() {
  static const FontFiles files = Discover();
  return files;
}

std::vector<std::string> CatalogueTexts(const std::string& language) {
  std::vector<std::string> texts;
  const char* dir = bindtextdomain("graphony", nullptr);
  if (!dir || language.empty() || language == "en") return texts;
  std::string data;
  for (std::string code : {language, language.substr(0, language.find('_'))}) {
    std::ifstream in(std::string(dir) + "/" + code + "/LC_MESSAGES/graphony.mo", std::ios::binary);
    if (!in) continue;
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    break;
  }
  if (data.size() < 28) return texts;
  // GNU .mo: magic, revision, count, offset of the originals' table, of the translations'.
  const uint32_t magic = Read32(data, 0, false);
  const bool swap = magic == 0xde120495u;
  if (!swap && magic != 0x950412deu) return texts;
  const uint32_t count = Read32(data, 8, swap), table = Read32(data, 16, swap);
  for (uint32_t i = 0; i < count && i < 100000; ++i) {
    const uint32_t len = Read32(data, table + 8 * i, swap);
    const uint32_t at = Read32(data, table + 8 * i + 4, swap);
    if (at > data.size() || len > data.size() - at) break;  // a damaged catalogue: stop there
    if (i == 0 && Read32(data, Read32(data, 12, swap), swap) == 0) continue;  // the header
    // A plural's forms are one entry, separated by NULs: each form is a text of its own
    // (a NUL given to the glyph builder would start its ranges at 0, which ends them).
    for (size_t from = at, end = at + len; from <= end;) {
      const size_t nul = std::min<size_t>(data.find('\0', from), end);
      if (nul > from) texts.emplace_back(data, from, nul - from);
      from = nul + 1;
    }
  }
  return texts;
}

AtlasStats BuildAtlas(ImFontAtlas& atlas, const std::string& language, float size_px,
                      const std::vector<std::string>& texts) {
  AtlasStats stats;
  atlas.Clear();
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(kLatin);
  for (const i18n::Language& lang : i18n::Languages()) {
    builder.AddText(lang.own_name);
    if (lang.right_to_left) builder.AddText(ToVisual(lang.own_name, true).c_str());
  }
  if (language == "ar") builder.AddRanges(kArabic);
  if (language == "zh_CN") builder.AddRanges(kCjkPunctuation);
  for (const std::string& t : texts) builder.AddText(t.data(), t.data() + t.size());
  ImVector<ImWchar>& ranges = Ranges();
  ranges.clear();
  builder.BuildRanges(&ranges);
  bool any_cjk = false;
  for (int i = 0; i + 1 < ranges.Size && ranges[i]; i += 2)
    for (unsigned c = ranges[i]; c <= ranges[i + 1] && !any_cjk; ++c) any_cjk = IsCjk(c);

  const FontFiles& files = FindFonts();
  ImFont* font = nullptr;
  if (!files.latin.empty()) {
    font = AddMapped(atlas, files.latin, size_px, ImFontConfig(), ranges.Data);
  }
  if (!font) {
    stats.found_fonts = false;
    ImFontConfig cfg;
    cfg.SizePixels = std::round(size_px * 13.f / 17.f);
    font = atlas.AddFontDefault(&cfg);
  }
  // The other scripts merge into the same font; a glyph the first face has is kept.
  if (stats.found_fonts && !files.arabic.empty()) {
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.OversampleH = 2;
    // Noto Sans Arabic's letters are small for their em (short teeth and bowls beside the
    // Latin x-height): a fifth bigger, on the same baseline, they read at the Latin size.
    AddMapped(atlas, files.arabic, std::round(size_px * 1.2f), cfg, ranges.Data);
  }
  if (stats.found_fonts && any_cjk && !files.cjk.empty()) {
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.FontNo = files.cjk_face;
    cfg.OversampleH = 1;  // dense strokes: horizontal oversampling only makes the atlas wider
    cfg.OversampleV = 1;
    AddMapped(atlas, files.cjk, size_px, cfg, ranges.Data);
  }
  const int box_w = std::max(4, static_cast<int>(size_px * 0.5f));
  const int box_h = std::max(6, static_cast<int>(size_px * 0.7f));
  const int box =
      atlas.AddCustomRectFontGlyph(font, kMissingGlyph, box_w, box_h, static_cast<float>(box_w + 2),
                                   ImVec2(1, std::round(size_px * 0.2f)));
  atlas.Build();
  DrawMissingBox(atlas, box);
  stats.glyphs = font->Glyphs.Size;
  for (const ImFontGlyph& g : font->Glyphs) stats.cjk_glyphs += IsCjk(g.Codepoint);
  stats.tex_w = atlas.TexWidth;
  stats.tex_h = atlas.TexHeight;
  // The box becomes the fallback (ImGui 1.86 would draw '?', indistinguishable from a real one).
  if (const ImFontGlyph* g = font->FindGlyphNoFallback(kMissingGlyph)) {
    font->FallbackChar = kMissingGlyph;
    font->FallbackGlyph = g;
    font->FallbackAdvanceX = g->AdvanceX;
    for (int i = 0; i < font->IndexLookup.Size; ++i)
      if (font->IndexLookup[i] == static_cast<ImWchar>(-1)) font->IndexAdvanceX[i] = g->AdvanceX;
  }
  return stats;
}

int CountMissingGlyphsDrawn(const ImDrawData* draw_data, const ImFont* font) {
  if (!draw_data || !font || !font->FallbackGlyph || font->FallbackChar != kMissingGlyph) return 0;
  const ImFontGlyph* g = font->FallbackGlyph;
  int count = 0;
  for (int l = 0; l < draw_data->CmdListsCount; ++l) {
    const ImVector<ImDrawVert>& v = draw_data->CmdLists[l]->VtxBuffer;
    // A glyph is a quad: top-left (U0,V0), top-right, bottom-right (U1,V1), bottom-left.
    for (int i = 0; i + 3 < v.Size; ++i) {
      if (v[i].uv.x == g->U0 && v[i].uv.y == g->V0 && v[i + 2].uv.x == g->U1 &&
          v[i + 2].uv.y == g->V1) {
        ++count;
        i += 3;
      }
    }
  }
  return count;
}

}  // namespace graphony::editor::text
