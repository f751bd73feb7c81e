/* oc3-track-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "oc3-array-model.h"
#include "oc3-track.h"

G_BEGIN_DECLS

/* The parser fills the fields directly; after that the object never changes. */
struct _Oc3Track
{
  GObject parent_instance;

  char          *name;
  char          *color;
  Oc3ArrayModel *talks;
  guint          position;
};

Oc3Track *oc3_track_new (void);

G_END_DECLS
