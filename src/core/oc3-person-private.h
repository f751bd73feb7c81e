/* oc3-person-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "oc3-array-model.h"
#include "oc3-person.h"

G_BEGIN_DECLS

/* The parser fills the fields directly; after that the object never changes. */
struct _Oc3Person
{
  GObject parent_instance;

  char          *id;
  char          *guid;
  char          *name;
  char          *biography;
  char          *affiliation;
  char          *role;
  Oc3ArrayModel *talks;
  /* The name, case-folded and collated once for sorting. */
  char          *sort_key;
};

Oc3Person *oc3_person_new (void);

G_END_DECLS
