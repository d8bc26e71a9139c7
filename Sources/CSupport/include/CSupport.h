#ifndef GAFFER_CSUPPORT_H
#define GAFFER_CSUPPORT_H
#include <sys/types.h>

/// Names the calling thread (Swift's Glibc module lacks _GNU_SOURCE, so pthread_setname_np is hidden).
void gaffer_set_thread_name(const char *name);

/// Looks up a user's uid and gid by name; returns 0 on success.
int gaffer_lookup_user(const char *name, uid_t *uid, gid_t *gid);
#endif
