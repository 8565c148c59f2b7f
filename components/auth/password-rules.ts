// The one password rule the forms check before asking the server (which checks it again).
export const MIN_PASSWORD = 10;
