/* oc3-program-change.h — what a refreshed program changed, talk by talk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-conference.h"

G_BEGIN_DECLS

typedef enum
{
  OC3_PROGRAM_CHANGE_ADDED     = 1 << 0,
  OC3_PROGRAM_CHANGE_CANCELLED = 1 << 1,
  OC3_PROGRAM_CHANGE_MOVED     = 1 << 2,  /* another time */
  OC3_PROGRAM_CHANGE_ROOM      = 1 << 3,  /* another room */
  OC3_PROGRAM_CHANGE_RETITLED  = 1 << 4,
} Oc3ProgramChangeKind;

#define OC3_TYPE_PROGRAM_CHANGE (oc3_program_change_get_type ())

G_DECLARE_FINAL_TYPE (Oc3ProgramChange, oc3_program_change, OC3, PROGRAM_CHANGE, GObject)

Oc3ProgramChangeKind  oc3_program_change_get_kinds     (Oc3ProgramChange *self);
const char           *oc3_program_change_get_guid      (Oc3ProgramChange *self);
Oc3Talk              *oc3_program_change_get_old_talk  (Oc3ProgramChange *self);
Oc3Talk              *oc3_program_change_get_new_talk  (Oc3ProgramChange *self);
char                 *oc3_program_change_describe      (Oc3ProgramChange *self,
                                                        GTimeZone        *zone);

GListModel           *oc3_program_changes_compare      (Oc3Conference    *before,
                                                        Oc3Conference    *after);

G_END_DECLS
