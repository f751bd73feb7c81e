/* oc3-day-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "oc3-array-model.h"
#include "oc3-day.h"

G_BEGIN_DECLS

/* The parser fills the fields directly; after that the object never changes. */
struct _Oc3Day
{
  GObject parent_instance;

  int            index;
  GDateTime     *date;
  GDateTime     *start;
  GDateTime     *end;
  Oc3ArrayModel *talks;
};

Oc3Day *oc3_day_new (void);

G_END_DECLS
