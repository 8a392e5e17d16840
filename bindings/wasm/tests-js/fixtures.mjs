// Shared by the Node tests.
export const config = {
  keyring: { active: 1, keys: [{ id: 1, secret: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8" }] },
  view_url: "https://help.example.com/shared/",
};
