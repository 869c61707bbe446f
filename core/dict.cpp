// HashTable: the storage of dicts (compact and insertion-ordered) and sets (CPython's set table order).
//
// Insertion layout, as CPython's compact dict: `entries_` holds the pairs in insertion
// order and `index_` is an open-addressing table of positions into it. Deleting leaves
// a hole (null key) in `entries_` and a tombstone in `index_`; both disappear at the next
// rebuild, which happens only when a new key needs room.
//
// SetTable layout, as CPython's setobject.c: `entries_` is the slot array itself, probed
// with runs of linear probes then perturbation. An empty slot is (hash 0, null key), a
// deleted one (hash -1, null key). Iterating slots in order gives CPython's set order.
//
// Key comparison may run Python code (a user __eq__) that mutates this very table. Like
// CPython, a lookup notices that the table changed under it and starts over.
#include <cstring>

#include "core/object.h"
#include "core/vm.h"

namespace cv {

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kTombstone = -2;
constexpr size_t kMinIndexSize = 8;
constexpr size_t kSetMinSize = 8;
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr uint64_t kDeletedSlotHash = ~uint64_t(0);  // -1: never the hash of a live key

// CPython's set_insert_clean: the key is known to be absent and the table has no deleted slots.
void set_insert_clean(std::vector<HashTable::Entry>& table, const HashTable::Entry& e) {
  const size_t mask = table.size() - 1;
  uint64_t perturb = e.hash;
  size_t i = size_t(e.hash) & mask;
  while (true) {
    if (table[i].key.is_null()) {
      table[i] = e;
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (size_t j = 1; j <= kLinearProbes; ++j) {
        if (table[i + j].key.is_null()) {
          table[i + j] = e;
          return;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + size_t(perturb)) & mask;
  }
}

bool is_exact_str(const VM& vm, Value v) {
  return v.is_object() && v.as_object()->kind == ObjKind::Str && v.as_object()->type == vm.t.str;
}

// Equality that never runs Python code, for the cases where the answer is certain.
// Returns 1 equal, 0 different, -1 unknown (ask the VM).
int quick_key_equal(const VM& vm, Value a, Value b) {
  if (a == b) return 1;
  if (a.is_small_int() && b.is_small_int()) return 0;
  if (is_exact_str(vm, a) && is_exact_str(vm, b))
    return static_cast<StrObject*>(a.as_object())->text == static_cast<StrObject*>(b.as_object())->text ? 1 : 0;
  return -1;
}

}  // namespace

// ---------------------------------------------------------------- lookup

int64_t HashTable::find(VM& vm, Value key, uint64_t hash) const {
restart:
  if (entries_.empty()) return -1;
  if (layout_ == Layout::SetTable) {
    const size_t mask = entries_.size() - 1;
    size_t i = size_t(hash) & mask;
    uint64_t perturb = hash;
    while (true) {
      size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
      size_t slot = i;
      while (true) {
        const Entry& e = entries_[slot];
        if (e.key.is_null() && e.hash == 0) return -1;
        if (!e.key.is_null() && e.hash == hash) {
          int quick = quick_key_equal(vm, e.key, key);
          if (quick == 1) return int64_t(slot);
          if (quick < 0) {
            Value start_key = e.key;
            uint64_t start_version = version_;
            size_t start_size = entries_.size();
            bool equal = vm.equals(start_key, key);
            if (version_ != start_version || entries_.size() != start_size || entries_[slot].key != start_key)
              goto restart;
            if (equal) return int64_t(slot);
          }
        }
        if (probes-- == 0) break;
        ++slot;
      }
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + size_t(perturb)) & mask;
    }
  }
  if (index_.empty()) return -1;
  const size_t mask = index_.size() - 1;
  size_t i = size_t(hash) & mask;
  uint64_t perturb = hash;
  while (true) {
    int32_t ix = index_[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      const Entry& e = entries_[size_t(ix)];
      if (e.hash == hash && !e.key.is_null()) {
        int quick = quick_key_equal(vm, e.key, key);
        if (quick == 1) return ix;
        if (quick < 0) {
          Value start_key = e.key;
          uint64_t start_version = version_;
          bool equal = vm.equals(start_key, key);
          if (version_ != start_version || size_t(ix) >= entries_.size() || entries_[size_t(ix)].key != start_key)
            goto restart;
          if (equal) return ix;
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + size_t(perturb) + 1) & mask;
  }
}

int64_t HashTable::find_str(const StrObject* key) const {
  if (entries_.empty()) return -1;
  const uint64_t hash = key->hash();
  auto same = [&](const Entry& e) {
    if (e.key.is_null() || e.hash != hash) return false;
    if (e.key == Value(const_cast<StrObject*>(key))) return true;
    const Object* o = e.key.as_object();
    return e.key.is_object() && o->kind == ObjKind::Str && static_cast<const StrObject*>(o)->text == key->text;
  };
  if (layout_ == Layout::SetTable) {
    const size_t mask = entries_.size() - 1;
    size_t i = size_t(hash) & mask;
    uint64_t perturb = hash;
    while (true) {
      size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
      for (size_t slot = i;; ++slot) {
        const Entry& e = entries_[slot];
        if (e.key.is_null() && e.hash == 0) return -1;
        if (same(e)) return int64_t(slot);
        if (probes-- == 0) break;
      }
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + size_t(perturb)) & mask;
    }
  }
  if (index_.empty()) return -1;
  const size_t mask = index_.size() - 1;
  size_t i = size_t(hash) & mask;
  uint64_t perturb = hash;
  while (true) {
    int32_t ix = index_[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0 && same(entries_[size_t(ix)])) return ix;
    perturb >>= kPerturbShift;
    i = (i * 5 + size_t(perturb) + 1) & mask;
  }
}

// ---------------------------------------------------------------- insertion

bool HashTable::insert(VM& vm, Value key, uint64_t hash, Value value) {
  assert(!key.is_null());
  if (layout_ == Layout::SetTable) {
  restart:
    if (entries_.empty()) entries_.assign(kSetMinSize, Entry{0, Value(), Value()});
    const size_t mask = entries_.size() - 1;
    size_t i = size_t(hash) & mask;
    uint64_t perturb = hash;
    int64_t free_slot = -1;  // first deleted slot on the probe path: reused for a new key
    while (true) {
      size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
      for (size_t slot = i;; ++slot) {
        Entry& e = entries_[slot];
        if (e.key.is_null() && e.hash == 0) {
          ++live_;
          ++version_;
          if (free_slot >= 0) {
            note_write(uint32_t(free_slot), uint32_t(free_slot) + 1);
            entries_[size_t(free_slot)] = Entry{hash, key, value};
            return true;
          }
          ++fill_;
          note_write(uint32_t(slot), uint32_t(slot) + 1);
          e = Entry{hash, key, value};
          if (size_t(fill_) * 5 >= mask * 3) set_resize(live_ > 50000 ? live_ * 2 : live_ * 4);
          return true;
        }
        if (!e.key.is_null() && e.hash == hash) {
          int quick = quick_key_equal(vm, e.key, key);
          if (quick < 0) {
            Value start_key = e.key;
            uint64_t start_version = version_;
            size_t start_size = entries_.size();
            bool equal = vm.equals(start_key, key);
            if (version_ != start_version || entries_.size() != start_size || entries_[slot].key != start_key)
              goto restart;
            quick = equal ? 1 : 0;
          }
          if (quick == 1) {
            note_write(uint32_t(slot), uint32_t(slot) + 1);
            entries_[slot].value = value;
            return false;
          }
        } else if (e.key.is_null() && e.hash == kDeletedSlotHash && free_slot < 0) {
          free_slot = int64_t(slot);
        }
        if (probes-- == 0) break;
      }
      perturb >>= kPerturbShift;
      i = (i * 5 + 1 + size_t(perturb)) & mask;
    }
  }

  int64_t existing = find(vm, key, hash);
  if (existing >= 0) {
    note_write(uint32_t(existing), uint32_t(existing) + 1);
    entries_[size_t(existing)].value = value;  // the first key stays, as in CPython
    return false;
  }
  if (index_.empty() || (entries_.size() + 1) * 3 > index_.size() * 2) rebuild(size_t(live_) + 1);
  const size_t mask = index_.size() - 1;
  size_t i = size_t(hash) & mask;
  uint64_t perturb = hash;
  while (index_[i] >= 0) {
    perturb >>= kPerturbShift;
    i = (i * 5 + size_t(perturb) + 1) & mask;
  }
  index_[i] = int32_t(entries_.size());
  note_write(uint32_t(entries_.size()), kToEnd);
  entries_.push_back(Entry{hash, key, value});
  ++live_;
  ++version_;
  return true;
}

bool HashTable::erase(VM& vm, Value key, uint64_t hash) {
  int64_t ix = find(vm, key, hash);
  if (ix < 0) return false;
  note_write(uint32_t(ix), uint32_t(ix) + 1);
  if (layout_ == Layout::SetTable) {
    entries_[size_t(ix)] = Entry{kDeletedSlotHash, Value(), Value()};
    --live_;
    ++version_;
    return true;
  }
  const size_t mask = index_.size() - 1;
  size_t i = size_t(hash) & mask;
  uint64_t perturb = hash;
  while (index_[i] != int32_t(ix)) {
    assert(index_[i] != kEmpty);
    perturb >>= kPerturbShift;
    i = (i * 5 + size_t(perturb) + 1) & mask;
  }
  index_[i] = kTombstone;
  entries_[size_t(ix)].key = Value();
  entries_[size_t(ix)].value = Value();
  --live_;
  ++version_;
  // Keep a dict emptied by pops from dragging a long tail of holes behind it.
  if (live_ == 0) {
    note_write();
    entries_.clear();
    std::fill(index_.begin(), index_.end(), kEmpty);
  }
  return true;
}

HashTable::HashTable(const HashTable& other)
    : entries_(other.entries_), index_(other.index_), live_(other.live_), version_(other.version_),
      layout_(other.layout_), fill_(other.fill_) {}

HashTable& HashTable::operator=(const HashTable& other) {
  if (this == &other) return *this;
  note_write();
  entries_ = other.entries_;
  index_ = other.index_;
  live_ = other.live_;
  version_ = other.version_;
  layout_ = other.layout_;
  fill_ = other.fill_;
  return *this;
}

void HashTable::clear() {
  note_write();
  entries_.clear();
  entries_.shrink_to_fit();
  index_.clear();
  index_.shrink_to_fit();
  live_ = 0;
  fill_ = 0;
  ++version_;
}

void HashTable::presize(int64_t incoming) {
  if (incoming <= 0) return;
  if (layout_ == Layout::SetTable) {
    size_t mask = entries_.empty() ? kSetMinSize - 1 : entries_.size() - 1;
    if (size_t(fill_ + incoming) * 5 >= mask * 3) set_resize((live_ + incoming) * 2);
    return;
  }
  if (index_.empty() || (entries_.size() + size_t(incoming)) * 3 > index_.size() * 2)
    rebuild(size_t(live_ + incoming));
}

void HashTable::trace(GcMarker& m) {
  for (const Entry& e : entries_) {
    if (e.key.is_null()) continue;
    m.visit(e.key);
    m.visit(e.value);
  }
}

// ---------------------------------------------------------------- resizing

void HashTable::rebuild(size_t min_capacity) {
  // Compaction drops the holes left by deletions; positions change, so the version moves
  // too (iterators over positions must notice even though no key was added or removed).
  if (size_t(live_) != entries_.size()) {
    note_write();
    size_t out = 0;
    for (size_t in = 0; in < entries_.size(); ++in)
      if (!entries_[in].key.is_null()) entries_[out++] = entries_[in];
    entries_.resize(out);
    ++version_;
  }
  size_t needed = std::max(min_capacity, size_t(live_));
  size_t size = kMinIndexSize;
  while (size * 2 < needed * 3 + 3) size <<= 1;  // load at most about 2/3 after growth
  index_.assign(size, kEmpty);
  const size_t mask = size - 1;
  for (size_t ix = 0; ix < entries_.size(); ++ix) {
    uint64_t hash = entries_[ix].hash;
    size_t i = size_t(hash) & mask;
    uint64_t perturb = hash;
    while (index_[i] != kEmpty) {
      perturb >>= kPerturbShift;
      i = (i * 5 + size_t(perturb) + 1) & mask;
    }
    index_[i] = int32_t(ix);
  }
}

// CPython's set_table_resize: the smallest power of two above min_used, live keys
// reinserted in old slot order with linear probing and no comparisons.
void HashTable::set_resize(int64_t min_used) {
  size_t new_size = kSetMinSize;
  while (new_size <= size_t(min_used)) new_size <<= 1;
  note_write();
  std::vector<Entry> old;
  old.swap(entries_);
  entries_.assign(new_size, Entry{0, Value(), Value()});
  for (const Entry& e : old)
    if (!e.key.is_null()) set_insert_clean(entries_, e);
  fill_ = live_;
  ++version_;
}

void HashTable::merge(VM& vm, const HashTable& other) {
  if (&other == this || other.live_ == 0) return;
  // Comparisons may run Python code that mutates `other`, so walk a snapshot.
  auto live_entries = [&other] {
    std::vector<Entry> out;
    out.reserve(size_t(other.live_));
    for (const Entry& e : other.entries_)
      if (!e.key.is_null()) out.push_back(e);
    return out;
  };
  if (layout_ != Layout::SetTable || other.layout_ != Layout::SetTable) {
    for (const Entry& e : live_entries()) insert(vm, e.key, e.hash, e.value);
    return;
  }
  // One resize up front rather than several while inserting.
  presize(other.live_);
  if (entries_.empty()) entries_.assign(kSetMinSize, Entry{0, Value(), Value()});
  const size_t mask = entries_.size() - 1;
  note_write();
  if (fill_ == 0 && mask == other.entries_.size() - 1 && other.fill_ == other.live_) {
    entries_ = other.entries_;  // same size and no deleted slots: the same layout
    fill_ = live_ = other.live_;
    ++version_;
    return;
  }
  if (fill_ == 0) {
    for (const Entry& e : other.entries_)
      if (!e.key.is_null()) set_insert_clean(entries_, e);
    fill_ = live_ = other.live_;
    ++version_;
    return;
  }
  for (const Entry& e : live_entries()) insert(vm, e.key, e.hash, e.value);
}

}  // namespace cv
