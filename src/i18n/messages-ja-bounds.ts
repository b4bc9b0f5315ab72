/** Messages of the HTTP edge: bounded bodies and uploads (issue 9). */
export const messagesJaBounds = {
  'body.too-large':
    '送信された内容が大きすぎます（上限 {limit}）。ファイルを分けるか、管理者に上限の引き上げを相談してください',
  'upload.malformed': '送信された内容を読み取れませんでした（{detail}）。もう一度送信してください',
} as const;
