// Set algebra as CPython's setobject.c computes it, so that results iterate in CPython's order.
//
// The order of a set depends on the order keys were added and on the table size when
// they were added; each function below inserts in the same order CPython does (which
// operand is walked, when the result starts as a copy).
#include "core/ops.h"

namespace cv {

namespace {

// Live entries, copied: a user __eq__ run by a lookup may mutate the set being walked.
std::vector<HashTable::Entry> live_entries(const SetObject* s) {
  std::vector<HashTable::Entry> out;
  out.reserve(size_t(s->table.size()));
  for (const HashTable::Entry& e : s->table.entries())
    if (!e.key.is_null()) out.push_back(e);
  return out;
}

bool contains_entry(VM& vm, const SetObject* s, const HashTable::Entry& e) { return s->table.find(vm, e.key, e.hash) >= 0; }

}  // namespace

SetObject* set_copy(VM& vm, const SetObject* s, bool frozen) {
  SetObject* result = vm.new_set(frozen);
  result->table.merge(vm, s->table);
  return result;
}

void set_update(VM& vm, SetObject* s, Value iterable) {
  if (iterable.is_object()) {
    Object* o = iterable.as_object();
    if (o->kind == ObjKind::Set || o->kind == ObjKind::FrozenSet) {
      s->table.merge(vm, static_cast<SetObject*>(o)->table);
      return;
    }
    if (o->type == vm.t.dict) {
      // set.update(dict): presized, then the keys in dict order with their stored hashes.
      auto* d = static_cast<DictObject*>(o);
      s->table.presize(d->table.size());
      std::vector<HashTable::Entry> entries;
      for (const HashTable::Entry& e : d->table.entries())
        if (!e.key.is_null()) entries.push_back(e);
      for (const HashTable::Entry& e : entries) s->table.insert(vm, e.key, e.hash, Value());
      return;
    }
  }
  Value iterator = vm.get_iter(iterable);
  while (Value key = vm.next(iterator)) s->table.insert(vm, key, vm.hash(key), Value());
}

SetObject* set_intersection(VM& vm, const SetObject* a, const SetObject* b, bool frozen) {
  SetObject* result = vm.new_set(frozen);
  // Walk the smaller set, probing the larger.
  const SetObject* larger = a;
  const SetObject* smaller = b;
  if (b->table.size() > a->table.size()) std::swap(larger, smaller);
  for (const HashTable::Entry& e : live_entries(smaller))
    if (contains_entry(vm, larger, e)) result->table.insert(vm, e.key, e.hash, Value());
  return result;
}

SetObject* set_difference(VM& vm, const SetObject* a, const SetObject* b, bool frozen) {
  if ((a->table.size() >> 2) > b->table.size()) {
    // Much larger than b: copy a, then remove b's keys.
    SetObject* result = set_copy(vm, a, frozen);
    for (const HashTable::Entry& e : live_entries(b)) result->table.erase(vm, e.key, e.hash);
    return result;
  }
  SetObject* result = vm.new_set(frozen);
  for (const HashTable::Entry& e : live_entries(a))
    if (!contains_entry(vm, b, e)) result->table.insert(vm, e.key, e.hash, Value());
  return result;
}

SetObject* set_symmetric_difference(VM& vm, const SetObject* a, const SetObject* b, bool frozen) {
  // A copy of b, then every key of a toggled in or out.
  SetObject* result = set_copy(vm, b, frozen);
  for (const HashTable::Entry& e : live_entries(a))
    if (!result->table.erase(vm, e.key, e.hash)) result->table.insert(vm, e.key, e.hash, Value());
  return result;
}

bool set_is_subset(VM& vm, const SetObject* a, const SetObject* b) {
  if (a->table.size() > b->table.size()) return false;
  for (const HashTable::Entry& e : live_entries(a))
    if (!contains_entry(vm, b, e)) return false;
  return true;
}

// In-place forms used by the augmented operators (|= &= -= ^=).
void set_intersection_update(VM& vm, SetObject* a, const SetObject* b) {
  SetObject* tmp = set_intersection(vm, a, b, false);
  a->table = tmp->table;
}

void set_difference_update(VM& vm, SetObject* a, const SetObject* b) {
  if (a == b) {
    a->table.clear();
    return;
  }
  // When b is much larger, walk only the keys the two have in common.
  SetObject* keys = (b->table.size() >> 3) > a->table.size() ? set_intersection(vm, a, b, false) : nullptr;
  for (const HashTable::Entry& e : live_entries(keys ? keys : b)) a->table.erase(vm, e.key, e.hash);
}

void set_symmetric_difference_update(VM& vm, SetObject* a, const SetObject* b) {
  if (a == b) {
    a->table.clear();
    return;
  }
  for (const HashTable::Entry& e : live_entries(b))
    if (!a->table.erase(vm, e.key, e.hash)) a->table.insert(vm, e.key, e.hash, Value());
}

}  // namespace cv
