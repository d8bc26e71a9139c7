#define _GNU_SOURCE
#include <pthread.h>
#include <pwd.h>
#include <string.h>
#include "CSupport.h"

void gaffer_set_thread_name(const char *name) {
  char buf[16];
  strncpy(buf, name, 15);
  buf[15] = 0;
  pthread_setname_np(pthread_self(), buf);
}

int gaffer_lookup_user(const char *name, uid_t *uid, gid_t *gid) {
  struct passwd *pw = getpwnam(name);
  if (!pw) return -1;
  *uid = pw->pw_uid;
  *gid = pw->pw_gid;
  return 0;
}
