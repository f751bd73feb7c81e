/* oc3-room.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OC3_TYPE_ROOM (oc3_room_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Room, oc3_room, OC3, ROOM, GObject)

const char *oc3_room_get_name        (Oc3Room *self);
const char *oc3_room_get_guid        (Oc3Room *self);
const char *oc3_room_get_description (Oc3Room *self);
GListModel *oc3_room_get_talks       (Oc3Room *self);

G_END_DECLS
