/* oc3-room-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "oc3-array-model.h"
#include "oc3-room.h"

G_BEGIN_DECLS

/* The parser fills the fields directly; after that the object never changes. */
struct _Oc3Room
{
  GObject parent_instance;

  char          *name;
  char          *guid;
  char          *description;
  Oc3ArrayModel *talks;
  /* Where the room comes in the program's order, for sorting talks. */
  guint          position;
};

Oc3Room *oc3_room_new (void);

G_END_DECLS
