// Unit tests for HashTable (dict and set storage) and the Heap's collector.
//
// Set orders in the "CPython set order" cases were printed by python3 3.11.7, e.g.
// `s = {0, 8}; s.remove(0); s.add(16); print(s)` shows {16, 8}.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/heap.h"
#include "core/vm.h"

namespace {

using cv::HashTable;
using cv::Value;

Value small(int64_t v) { return Value::small_int(v); }

// The live keys of a table as small ints, in iteration order.
std::vector<int64_t> keys_of(const HashTable& table) {
  std::vector<int64_t> out;
  for (const HashTable::Entry& e : table.entries())
    if (!e.key.is_null()) out.push_back(e.key.as_small_int());
  return out;
}

void add(cv::VM& vm, HashTable& table, int64_t key, int64_t value = 0) {
  table.insert(vm, small(key), vm.hash(small(key)), small(value));
}

bool erase(cv::VM& vm, HashTable& table, int64_t key) { return table.erase(vm, small(key), vm.hash(small(key))); }

int64_t find(cv::VM& vm, const HashTable& table, int64_t key) { return table.find(vm, small(key), vm.hash(small(key))); }

Value global(cv::VM& vm, const char* name) {
  int64_t i = vm.main_globals->table.find_str(vm.intern(name));
  return i < 0 ? Value() : vm.main_globals->table.entries()[size_t(i)].value;
}

}  // namespace

TEST_CASE("dict layout keeps insertion order and overwrites in place", "[dict]") {
  cv::VM vm;
  HashTable table;
  for (int64_t k : {5, 3, 9, 1}) add(vm, table, k, k * 10);
  CHECK(keys_of(table) == std::vector<int64_t>{5, 3, 9, 1});
  CHECK(table.size() == 4);
  add(vm, table, 3, 99);  // overwrite: same position
  CHECK(keys_of(table) == std::vector<int64_t>{5, 3, 9, 1});
  REQUIRE(find(vm, table, 3) >= 0);
  CHECK(table.entries()[size_t(find(vm, table, 3))].value == small(99));
  CHECK(find(vm, table, 4) == -1);
}

TEST_CASE("dict layout: erase leaves a hole, reinsertion goes to the end", "[dict]") {
  cv::VM vm;
  HashTable table;
  for (int64_t k = 0; k < 6; ++k) add(vm, table, k);
  CHECK(erase(vm, table, 2));
  CHECK_FALSE(erase(vm, table, 2));
  CHECK(table.size() == 5);
  CHECK(find(vm, table, 2) == -1);
  add(vm, table, 2);
  CHECK(keys_of(table) == std::vector<int64_t>{0, 1, 3, 4, 5, 2});
}

TEST_CASE("dict layout survives many insertions and deletions (rebuilds)", "[dict]") {
  cv::VM vm;
  HashTable table;
  for (int64_t k = 0; k < 5000; ++k) add(vm, table, k, k);
  for (int64_t k = 0; k < 5000; k += 2) REQUIRE(erase(vm, table, k));
  for (int64_t k = 5000; k < 6000; ++k) add(vm, table, k, k);
  CHECK(table.size() == 2500 + 1000);
  for (int64_t k = 0; k < 6000; ++k) {
    bool expected = k >= 5000 || k % 2 == 1;
    REQUIRE((find(vm, table, k) >= 0) == expected);
  }
  std::vector<int64_t> keys = keys_of(table);
  REQUIRE(keys.size() == 3500);
  CHECK(keys.front() == 1);
  CHECK(keys[2499] == 4999);
  CHECK(keys.back() == 5999);
}

TEST_CASE("version moves on structural changes only", "[dict]") {
  cv::VM vm;
  HashTable table;
  uint64_t v0 = table.version();
  add(vm, table, 1);
  uint64_t v1 = table.version();
  CHECK(v1 != v0);
  add(vm, table, 1, 7);  // overwrite
  CHECK(table.version() == v1);
  erase(vm, table, 1);
  uint64_t v2 = table.version();
  CHECK(v2 != v1);
  table.clear();
  CHECK(table.version() != v2);
  CHECK(table.size() == 0);
}

TEST_CASE("equal keys of different types share an entry; the first key stays", "[dict]") {
  cv::VM vm;
  HashTable table;
  table.insert(vm, small(1), vm.hash(small(1)), small(10));
  Value one_float = vm.new_float(1.0);
  CHECK_FALSE(table.insert(vm, one_float, vm.hash(one_float), small(20)));
  CHECK(table.size() == 1);
  CHECK(table.entries()[0].key == small(1));
  CHECK(table.entries()[0].value == small(20));
  CHECK(table.find(vm, vm.True, vm.hash(vm.True)) == 0);
}

TEST_CASE("find_str matches str keys by text", "[dict]") {
  cv::VM vm;
  HashTable table;
  cv::StrObject* key = vm.new_str("count");
  table.insert(vm, key, key->hash(), small(1));
  cv::StrObject* same_text = vm.new_str("count");
  CHECK(table.find_str(same_text) == 0);
  CHECK(table.find_str(vm.intern("count")) == 0);
  CHECK(table.find_str(vm.intern("other")) == -1);
  CHECK(table.find(vm, same_text, same_text->hash()) == 0);
}

TEST_CASE("set layout iterates in CPython's set order", "[dict][set]") {
  cv::VM vm;
  SECTION("small ints land in their own slots") {
    HashTable s(HashTable::Layout::SetTable);
    for (int64_t k : {3, 1, 2}) add(vm, s, k);
    CHECK(keys_of(s) == std::vector<int64_t>{1, 2, 3});
  }
  SECTION("collisions probe linearly") {
    HashTable s(HashTable::Layout::SetTable);
    for (int64_t k : {17, 1}) add(vm, s, k);
    CHECK(keys_of(s) == std::vector<int64_t>{17, 1});
  }
  SECTION("a deleted slot on the probe path is reused") {
    HashTable s(HashTable::Layout::SetTable);
    add(vm, s, 0);
    add(vm, s, 8);
    erase(vm, s, 0);
    add(vm, s, 16);
    CHECK(keys_of(s) == std::vector<int64_t>{16, 8});
  }
  SECTION("growth reinserts in slot order") {
    HashTable s(HashTable::Layout::SetTable);
    for (int64_t k : {0, 8, 16, 24, 32}) add(vm, s, k);
    CHECK(keys_of(s) == std::vector<int64_t>{0, 32, 8, 16, 24});
  }
  SECTION("merging into an empty table copies the layout") {
    HashTable a(HashTable::Layout::SetTable);
    for (int64_t k : {1, 2, 3, 33, 17}) add(vm, a, k);
    CHECK(keys_of(a) == std::vector<int64_t>{1, 2, 3, 33, 17});
    HashTable b(HashTable::Layout::SetTable);
    b.merge(vm, a);
    CHECK(keys_of(b) == keys_of(a));
    CHECK(b.size() == 5);
  }
}

TEST_CASE("set layout: many keys, erase and find", "[dict][set]") {
  cv::VM vm;
  HashTable s(HashTable::Layout::SetTable);
  for (int64_t k = 0; k < 3000; ++k) add(vm, s, k * 7);
  for (int64_t k = 0; k < 3000; k += 3) REQUIRE(erase(vm, s, k * 7));
  CHECK(s.size() == 2000);
  for (int64_t k = 0; k < 3000; ++k) REQUIRE((find(vm, s, k * 7) >= 0) == (k % 3 != 0));
}

TEST_CASE("a user __eq__ that mutates the dict during a lookup does not crash", "[dict]") {
  cv::VM vm;
  vm.run_main(
      "class K:\n"
      "    calls = 0\n"
      "    def __init__(self, d): self.d = d\n"
      "    def __hash__(self): return 1\n"
      "    def __eq__(self, other):\n"
      "        K.calls += 1\n"
      "        if K.calls == 1:\n"
      "            i = 0\n"
      "            while i < 100:\n"
      "                self.d[i + 1000] = i\n"
      "                i += 1\n"
      "            while i > 0:\n"
      "                i -= 1\n"
      "                del self.d[i + 1000]\n"
      "            self.d['mutated'] = True\n"
      "        return False\n"
      "d = {}\n"
      "d[K(d)] = 1\n"
      "d[K(d)] = 2\n",
      "<test>");
  Value d = global(vm, "d");
  REQUIRE(d.is_object());
  CHECK(static_cast<cv::DictObject*>(d.as_object())->table.size() == 3);  // both K keys and 'mutated'
}

TEST_CASE("the collector frees the unreachable and keeps a million-long chain", "[heap]") {
  cv::Heap heap;
  auto* type = heap.make<cv::TypeObject>(nullptr);
  cv::ListObject* head = nullptr;
  constexpr size_t kChain = 1000000;
  for (size_t i = 0; i < kChain; ++i) {
    auto* node = heap.make<cv::ListObject>(type);
    if (head) node->items.push_back(head);
    head = node;
    if (i % 1000 == 0) heap.make<cv::ListObject>(type);  // garbage
  }
  // A cycle that nothing reaches.
  auto* a = heap.make<cv::ListObject>(type);
  auto* b = heap.make<cv::ListObject>(type);
  a->items.push_back(b);
  b->items.push_back(a);
  CHECK(heap.object_count() == 1 + kChain + kChain / 1000 + 2);
  cv::GcMarker& marker = heap.begin_collection();
  marker.visit(head);
  heap.sweep();
  CHECK(heap.object_count() == 1 + kChain);  // the type is reached through the lists
  CHECK(heap.is_marked(head));
  CHECK(heap.bytes_since_collection() == 0);
  // A second collection with no roots frees everything.
  heap.begin_collection();
  heap.sweep();
  CHECK(heap.object_count() == 0);
}
