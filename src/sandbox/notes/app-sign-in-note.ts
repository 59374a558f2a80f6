// The console line of a user sign-in left to the Postman app, said by the collection-level script once a run.

/** The console line said once per run when the token is left to the collection's OAuth 2.0 authorization. */
export const APP_SIGN_IN_NOTE =
  "postman-ims-auth: AUTH_FLOW is user and REFRESH_TOKEN is empty, so requests go with the token of the collection's OAuth 2.0 " +
  "authorization (Postman app: the collection's Authorization tab → Get New Access Token, then Use Token). Newman, the Postman CLI " +
  "and Bruno have no such token: run `postman-ims-auth login --env FILE` to put a REFRESH_TOKEN in the environment.";
