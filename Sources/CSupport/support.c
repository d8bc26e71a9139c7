#define _GNU_SOURCE
#include <dlfcn.h>
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

int gaffer_set_will_throw_hook(gaffer_will_throw_hook hook, gaffer_will_throw_hook *previous) {
  gaffer_will_throw_hook *slot = (gaffer_will_throw_hook *)dlsym(RTLD_DEFAULT, "_swift_willThrow");
  if (!slot) return -1;
  *previous = __atomic_exchange_n(slot, hook, __ATOMIC_ACQ_REL);
  return 0;
}
