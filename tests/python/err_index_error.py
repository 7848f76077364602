# Ends with an uncaught IndexError from reading past the end of a list in a method.
class Playlist:
    def __init__(self, songs):
        self.songs = songs
    def track(self, n):
        return self.songs[n]

p = Playlist(["intro", "verse", "outro"])
for i in range(3):
    print("track", i, "=", p.track(i))
print("track 3 =", p.track(3))
