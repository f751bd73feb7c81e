/* oc3-talk.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-link.h"
#include "oc3-room.h"
#include "oc3-track.h"

G_BEGIN_DECLS

#define OC3_TYPE_TALK (oc3_talk_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Talk, oc3_talk, OC3, TALK, GObject)

const char *oc3_talk_get_guid              (Oc3Talk *self);
const char *oc3_talk_get_id                (Oc3Talk *self);
const char *oc3_talk_get_title             (Oc3Talk *self);
const char *oc3_talk_get_subtitle          (Oc3Talk *self);
const char *oc3_talk_get_slug              (Oc3Talk *self);
Oc3Track   *oc3_talk_get_track             (Oc3Talk *self);
const char *oc3_talk_get_talk_type         (Oc3Talk *self);
const char *oc3_talk_get_language          (Oc3Talk *self);
GDateTime  *oc3_talk_get_start             (Oc3Talk *self);
GDateTime  *oc3_talk_get_end               (Oc3Talk *self);
GTimeSpan   oc3_talk_get_duration          (Oc3Talk *self);
Oc3Room    *oc3_talk_get_room              (Oc3Talk *self);
const char *oc3_talk_get_abstract          (Oc3Talk *self);
const char *oc3_talk_get_description       (Oc3Talk *self);
GListModel *oc3_talk_get_persons           (Oc3Talk *self);
GPtrArray  *oc3_talk_get_links             (Oc3Talk *self);
GPtrArray  *oc3_talk_get_attachments       (Oc3Talk *self);
const char *oc3_talk_get_url               (Oc3Talk *self);
const char *oc3_talk_get_logo              (Oc3Talk *self);
gboolean    oc3_talk_get_do_not_record     (Oc3Talk *self);
const char *oc3_talk_get_recording_license (Oc3Talk *self);
int         oc3_talk_get_day_index         (Oc3Talk *self);

G_END_DECLS
