// Reading .mo catalogues and evaluating their Plural-Forms rule.
#include "core/i18n_catalogue.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace graphony::i18n {

namespace {

// A recursive-descent reader of gettext's plural expressions, evaluated as it reads; both
// branches of ?: are read (they have no side effects), one is kept.
class RuleReader {
 public:
  RuleReader(const std::string& text, unsigned long n) : s_(text), n_(n) {}

  bool Evaluate(long* out) {
    const long v = Ternary();
    Skip();
    if (!ok_ || pos_ != s_.size()) return false;
    *out = v;
    return true;
  }

 private:
  void Skip() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n')) ++pos_;
  }
  bool Eat(const char* token) {
    Skip();
    const size_t len = std::strlen(token);
    if (s_.compare(pos_, len, token) != 0) return false;
    // "<" must not take the first half of "<=", "!" not of "!=".
    if (len == 1 && pos_ + 1 < s_.size() && s_[pos_ + 1] == '=' &&
        (token[0] == '<' || token[0] == '>' || token[0] == '!' || token[0] == '='))
      return false;
    pos_ += len;
    return true;
  }
  long Ternary() {
    const long cond = Or();
    if (!Eat("?")) return cond;
    const long yes = Ternary();
    if (!Eat(":")) ok_ = false;
    const long no = Ternary();
    return cond ? yes : no;
  }
  long Or() {
    long v = And();
    while (Eat("||")) v = (And() != 0) || v;
    return v;
  }
  long And() {
    long v = Equality();
    while (Eat("&&")) v = (Equality() != 0) && v;
    return v;
  }
  long Equality() {
    long v = Relation();
    for (;;) {
      if (Eat("=="))
        v = v == Relation();
      else if (Eat("!="))
        v = v != Relation();
      else
        return v;
    }
  }
  long Relation() {
    long v = Sum();
    for (;;) {
      if (Eat("<="))
        v = v <= Sum();
      else if (Eat(">="))
        v = v >= Sum();
      else if (Eat("<"))
        v = v < Sum();
      else if (Eat(">"))
        v = v > Sum();
      else
        return v;
    }
  }
  long Sum() {
    long v = Product();
    for (;;) {
      if (Eat("+"))
        v += Product();
      else if (Eat("-"))
        v -= Product();
      else
        return v;
    }
  }
  long Product() {
    long v = Unary();
    for (;;) {
      const bool mul = Eat("*"), div = !mul && Eat("/"), mod = !mul && !div && Eat("%");
      if (!mul && !div && !mod) return v;
      const long r = Unary();
      if ((div || mod) && r == 0) {  // gettext would trap; a broken rule picks form 0
        ok_ = false;
        return 0;
      }
      v = mul ? v * r : div ? v / r : v % r;
    }
  }
  long Unary() {
    if (Eat("!")) return !Unary();
    return Primary();
  }
  long Primary() {
    Skip();
    if (pos_ >= s_.size()) {
      ok_ = false;
      return 0;
    }
    if (s_[pos_] == 'n') {
      ++pos_;
      return static_cast<long>(n_);
    }
    if (s_[pos_] >= '0' && s_[pos_] <= '9') {
      long v = 0;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9' && v < 1000000000)
        v = v * 10 + (s_[pos_++] - '0');
      return v;
    }
    if (Eat("(")) {
      const long v = Ternary();
      if (!Eat(")")) ok_ = false;
      return v;
    }
    ok_ = false;
    return 0;
  }

  const std::string& s_;
  unsigned long n_;
  size_t pos_ = 0;
  bool ok_ = true;
};

uint32_t Word(const std::string& bytes, size_t at, bool swap) {
  uint32_t v = 0;
  std::memcpy(&v, bytes.data() + at, 4);
  return swap ? __builtin_bswap32(v) : v;
}

}  // namespace

long EvaluatePluralRule(const std::string& rule, unsigned long n) {
  long v = 0;
  return RuleReader(rule, n).Evaluate(&v) ? v : -1;
}

bool Catalogue::Load(const std::string& path) {
  messages_.clear();
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < 28) return false;
  uint32_t magic = 0;
  std::memcpy(&magic, bytes.data(), 4);
  const bool swap = magic == 0xde120495u;
  if (!swap && magic != 0x950412deu) return false;
  const uint32_t count = Word(bytes, 8, swap), originals = Word(bytes, 12, swap),
                 translations = Word(bytes, 16, swap);
  // Every table entry and string must lie inside the file: a damaged catalogue is refused.
  auto string_at = [&](uint32_t table, uint32_t i, std::string* out) {
    const uint64_t entry = static_cast<uint64_t>(table) + 8ull * i;
    if (entry + 8 > bytes.size()) return false;
    const uint32_t length = Word(bytes, entry, swap), offset = Word(bytes, entry + 4, swap);
    if (static_cast<uint64_t>(offset) + length >= bytes.size()) return false;
    out->assign(bytes, offset, length);
    return true;
  };
  for (uint32_t i = 0; i < count; ++i) {
    std::string original, translation;
    if (!string_at(originals, i, &original) || !string_at(translations, i, &translation)) {
      messages_.clear();
      return false;
    }
    if (original.empty()) {  // the header: read the plural rule
      const size_t forms = translation.find("Plural-Forms:");
      if (forms != std::string::npos) {
        const std::string line = translation.substr(forms, translation.find('\n', forms) - forms);
        const size_t np = line.find("nplurals="), pl = line.find("plural=", line.find(';'));
        if (np != std::string::npos)
          plural_count_ = std::strtoul(line.c_str() + np + 9, nullptr, 10);
        if (pl != std::string::npos) {
          std::string rule = line.substr(pl + 7);
          while (!rule.empty() && (rule.back() == ';' || rule.back() == ' ')) rule.pop_back();
          plural_rule_ = rule;
        }
      }
      continue;
    }
    messages_[original.substr(0, original.find('\0'))] = std::move(translation);
  }
  return true;
}

const char* Catalogue::Find(const char* msgid) const {
  const auto it = messages_.find(msgid);
  return it == messages_.end() || it->second.empty() ? msgid : it->second.c_str();
}

const char* Catalogue::FindPlural(const char* singular, const char* plural, unsigned long n) const {
  const auto it = messages_.find(singular);
  long form = EvaluatePluralRule(plural_rule_, n);
  if (it == messages_.end() || form < 0 || static_cast<unsigned long>(form) >= plural_count_)
    return n == 1 ? singular : plural;
  const std::string& forms = it->second;
  size_t start = 0;
  for (long f = 0; f < form; ++f) {
    const size_t nul = forms.find('\0', start);
    if (nul == std::string::npos) return n == 1 ? singular : plural;
    start = nul + 1;
  }
  return forms.c_str() + start;
}

}  // namespace graphony::i18n
