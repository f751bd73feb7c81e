/* oc3-track.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OC3_TYPE_TRACK (oc3_track_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Track, oc3_track, OC3, TRACK, GObject)

const char *oc3_track_get_name           (Oc3Track   *self);
const char *oc3_track_get_color          (Oc3Track   *self);
GListModel *oc3_track_get_talks          (Oc3Track   *self);

const char *oc3_track_color_for_name     (const char *name);

G_END_DECLS
