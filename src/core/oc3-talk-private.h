/* oc3-talk-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "oc3-array-model.h"
#include "oc3-talk.h"

G_BEGIN_DECLS

/* The parser fills the fields directly; after that the object never changes. */
struct _Oc3Talk
{
  GObject parent_instance;

  char          *guid;
  char          *id;
  char          *title;
  char          *subtitle;
  char          *slug;
  Oc3Track      *track;
  Oc3Room       *room;
  GDateTime     *start;
  GDateTime     *end;
  /* Interned with g_ref_string_new_intern(): few distinct values. */
  char          *talk_type;
  char          *language;
  char          *recording_license;
  char          *abstract;
  char          *description;
  Oc3ArrayModel *persons;
  GPtrArray     *links;
  GPtrArray     *attachments;
  char          *url;
  char          *logo;
  gint64         start_unix;
  int            day_index;
  gboolean       do_not_record;
};

Oc3Talk *oc3_talk_new (void);

G_END_DECLS
