// libjpeg-turbo decoding: setjmp error handling, damage warnings made errors, scan limits.
#include "core/jpeg_decode.h"

// clang-format off
#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>
#include <jerror.h>
// clang-format on

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <vector>

#include "core/i18n.h"
#include "core/i18n_fill.h"
#include "core/large_buffer.h"
#include "core/score_io.h"

namespace graphony {

namespace {

// A progressive JPEG is decoded scan by scan; thousands of tiny scans cost minutes of CPU for
// no picture. libjpeg-turbo's own fuzzers stop at 500; real cameras use about 10.
constexpr int kMaxScans = 500;

struct ErrorState {
  jpeg_error_mgr manager;  // first: libjpeg hands us a pointer to it
  jmp_buf jump;
  int code = 0;
  char text[JMSG_LENGTH_MAX] = {};
  const char* ours = nullptr;            // a reason of our own (scan limit), else from libjpeg
  std::vector<const JHUFF_TBL*> poison;  // stand-ins for tables the file has not defined
};

// Whether the scan being read uses one of the stand-ins for an undefined table. A DHT segment
// may have overwritten a stand-in since; it cannot leave two 255-symbol lengths behind
// (libjpeg refuses more than 256 symbols while reading it).
bool UsesPoison(j_decompress_ptr cinfo, const ErrorState& state) {
  auto is_poison = [&](JHUFF_TBL* const* tables, int number) {
    if (number < 0 || number >= NUM_HUFF_TBLS) return false;
    const JHUFF_TBL* t = tables[number];
    return std::find(state.poison.begin(), state.poison.end(), t) != state.poison.end() &&
           t->bits[1] == UINT8_MAX && t->bits[2] == UINT8_MAX;
  };
  for (int i = 0; i < cinfo->comps_in_scan && i < MAX_COMPS_IN_SCAN; ++i) {
    const jpeg_component_info* c = cinfo->cur_comp_info[i];
    if (c && (is_poison(cinfo->dc_huff_tbl_ptrs, c->dc_tbl_no) ||
              is_poison(cinfo->ac_huff_tbl_ptrs, c->ac_tbl_no)))
      return true;
  }
  return false;
}

[[noreturn]] void OnError(j_common_ptr cinfo) {
  auto* state = reinterpret_cast<ErrorState*>(cinfo->err);
  state->code = cinfo->err->msg_code;
  if (state->code == JERR_BAD_HUFF_TABLE && cinfo->is_decompressor &&
      UsesPoison(reinterpret_cast<j_decompress_ptr>(cinfo), *state))
    state->code = JERR_NO_HUFF_TABLE;
  (*cinfo->err->format_message)(cinfo, state->text);
  std::longjmp(state->jump, 1);
}

// Warnings that mean the picture is not all there are errors for us: a half-grey picture
// would be "interpreted" into music nobody painted. Harmless ones (extra bytes between
// markers, odd Adobe or JFIF fields) are ignored.
void OnMessage(j_common_ptr cinfo, int level) {
  if (level >= 0) return;
  switch (cinfo->err->msg_code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_MUST_RESYNC:
    case JWRN_NOT_SEQUENTIAL:
    case JWRN_BOGUS_PROGRESSION:
      OnError(cinfo);
    default:
      return;
  }
}

void OnProgress(j_common_ptr cinfo) {
  if (!cinfo->is_decompressor) return;
  auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
  if (d->input_scan_number > kMaxScans) {
    auto* state = reinterpret_cast<ErrorState*>(cinfo->err);
    state->ours = _("it has more than 500 progressive scans");
    std::longjmp(state->jump, 1);
  }
}

std::string Reason(const ErrorState& state) {
  if (state.ours)
    return i18n::Fill(_("the picture is damaged ({reason})"), {{"reason", state.ours}});
  switch (state.code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
    case JERR_INPUT_EMPTY:
    case JERR_INPUT_EOF:
      return _("the picture is damaged (JPEG data ends early)");
    case JERR_BAD_HUFF_TABLE:
      return _("the picture is damaged (a Huffman table is invalid)");
    case JERR_NO_HUFF_TABLE:
      return _("the picture is damaged (it uses a Huffman table it never defines)");
    case JERR_NO_BACKING_STORE:
    case JERR_OUT_OF_MEMORY:
      return _(
          "the picture needs more memory to decode than the memory budget for pictures "
          "allows");
    default:
      return i18n::Fill(_("the picture is damaged ({reason})"), {{"reason", state.text}});
  }
}

// Owns a decompressor; the caller's setjmp must come before any call that can fail.
// Lives on the heap and holds everything the decoder writes, so the only local of the function
// that calls setjmp is an unchanging pointer (locals changed after setjmp are indeterminate).
struct Decompressor {
  jpeg_decompress_struct cinfo{};
  Image image;
  std::vector<uint8_t> row;
  ErrorState state;
  jpeg_progress_mgr progress{};
  Decompressor() {
    cinfo.err = jpeg_std_error(&state.manager);
    state.manager.error_exit = OnError;
    state.manager.emit_message = OnMessage;
    progress.progress_monitor = OnProgress;
  }
  ~Decompressor() { jpeg_destroy_decompress(&cinfo); }
  // After setjmp.
  void Start(const std::vector<uint8_t>& bytes, uint64_t working_limit) {
    jpeg_create_decompress(&cinfo);
    cinfo.progress = &progress;
    cinfo.mem->max_memory_to_use = static_cast<long>(std::min<uint64_t>(working_limit, LONG_MAX));
    jpeg_mem_src(&cinfo, bytes.data(), static_cast<unsigned long>(bytes.size()));
    if (jpeg_read_header(&cinfo, TRUE) != JPEG_HEADER_OK) {
      state.ours = _("it holds tables but no picture");
      std::longjmp(state.jump, 1);
    }
    CheckFirstScanTables();
  }
  // libjpeg-turbo quietly substitutes the standard tables for one a scan uses but the file
  // never defines (a Motion-JPEG habit). That decodes garbage, not a painting: refuse.
  // The table numbers come straight from the scan header (0..15) and are not checked yet.
  void CheckFirstScanTables() {
    if (cinfo.arith_code) return;
    auto defined = [](JHUFF_TBL* const* tables, int number) {
      return number >= 0 && number < NUM_HUFF_TBLS && tables[number] != nullptr;
    };
    for (int i = 0; i < cinfo.comps_in_scan; ++i) {
      const jpeg_component_info* c = cinfo.cur_comp_info[i];
      const bool need_dc = !cinfo.progressive_mode || (cinfo.Ss == 0 && cinfo.Ah == 0);
      const bool need_ac = !cinfo.progressive_mode || cinfo.Ss > 0;
      if ((need_dc && !defined(cinfo.dc_huff_tbl_ptrs, c->dc_tbl_no)) ||
          (need_ac && !defined(cinfo.ac_huff_tbl_ptrs, c->ac_tbl_no))) {
        state.code = JERR_NO_HUFF_TABLE;
        std::longjmp(state.jump, 1);
      }
    }
  }
  // Later scans: before jpeg_start_decompress fills the empty slots with standard tables, put
  // an invalid table (more than 256 symbols) in each, so a scan that uses a table the file
  // never defines fails when libjpeg builds it; a DHT segment before that scan overwrites it.
  void PoisonUndefinedTables() {
    if (cinfo.arith_code) return;
    for (JHUFF_TBL** slots : {cinfo.dc_huff_tbl_ptrs, cinfo.ac_huff_tbl_ptrs})
      for (int i = 0; i < NUM_HUFF_TBLS; ++i)
        if (!slots[i]) {
          slots[i] = jpeg_alloc_huff_table(reinterpret_cast<j_common_ptr>(&cinfo));
          std::fill(std::begin(slots[i]->bits), std::end(slots[i]->bits), UINT8_MAX);
          slots[i]->bits[0] = 0;
          state.poison.push_back(slots[i]);
        }
  }
};

// Adobe CMYK JPEGs store inverted ink amounts; others store them plain.
void CmykToRgba(const uint8_t* cmyk, uint8_t* rgba, int width, bool inverted) {
  for (int x = 0; x < width; ++x, cmyk += 4, rgba += 4) {
    const int k = inverted ? cmyk[3] : 255 - cmyk[3];
    for (int c = 0; c < 3; ++c) {
      const int v = inverted ? cmyk[c] : 255 - cmyk[c];
      rgba[c] = static_cast<uint8_t>(v * k / 255);
    }
    rgba[3] = 255;
  }
}

}  // namespace

bool LooksLikeJpeg(const std::vector<uint8_t>& bytes) {
  return bytes.size() >= 3 && bytes[0] == 0xff && bytes[1] == 0xd8 && bytes[2] == 0xff;
}

JpegHeader ReadJpegHeader(const std::vector<uint8_t>& bytes, const std::string& where) {
  const auto d = std::make_unique<Decompressor>();
  if (setjmp(d->state.jump)) throw ScoreError(where + ": " + Reason(d->state));
  d->Start(bytes, 64ull << 20);
  JpegHeader header;
  header.width = static_cast<int>(d->cinfo.image_width);
  header.height = static_cast<int>(d->cinfo.image_height);
  header.progressive = d->cinfo.progressive_mode;
  header.components = d->cinfo.num_components;
  return header;
}

uint64_t JpegWorkingBytes(const JpegHeader& header) {
  const uint64_t pixels =
      static_cast<uint64_t>(header.width) * static_cast<uint64_t>(header.height);
  // Worst case every component at full resolution: 64 coefficients of 2 bytes per 8x8 block.
  if (header.progressive) return pixels * 2 * static_cast<uint64_t>(header.components) + (1u << 20);
  return static_cast<uint64_t>(header.width) * 16 * 4 * 8 + (1u << 20);
}

Image DecodeJpeg(const std::vector<uint8_t>& bytes, const std::string& where, int reduction,
                 uint64_t working_limit) {
  const auto d = std::make_unique<Decompressor>();
  if (setjmp(d->state.jump)) throw ScoreError(where + ": " + Reason(d->state));
  d->Start(bytes, working_limit);
  jpeg_decompress_struct& c = d->cinfo;
  Image& image = d->image;
  std::vector<uint8_t>& row = d->row;
  const bool cmyk = c.jpeg_color_space == JCS_CMYK || c.jpeg_color_space == JCS_YCCK;
  c.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBA;
  c.scale_num = 1;
  c.scale_denom = static_cast<unsigned>(reduction);
  d->PoisonUndefinedTables();
  jpeg_start_decompress(&c);
  image.width = static_cast<int>(c.output_width);
  image.height = static_cast<int>(c.output_height);
  ResizeLarge(image.rgba, static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4);
  if (cmyk) row.resize(static_cast<size_t>(image.width) * 4);
  while (c.output_scanline < c.output_height) {
    uint8_t* out = &image.rgba[static_cast<size_t>(c.output_scanline) * image.width * 4];
    JSAMPROW target = cmyk ? row.data() : out;
    if (jpeg_read_scanlines(&c, &target, 1) != 1) break;
    if (cmyk) CmykToRgba(row.data(), out, image.width, c.saw_Adobe_marker);
  }
  // Every row is decoded; what follows (padding, a missing EOI) cannot change the picture.
  jpeg_abort_decompress(&c);
  return std::move(image);
}

}  // namespace graphony
